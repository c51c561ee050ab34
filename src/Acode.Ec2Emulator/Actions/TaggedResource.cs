namespace Acode.Ec2Emulator.Actions;

/// <summary>A taggable resource: its id, its DescribeTags resource type and its tags.</summary>
internal sealed record TaggedResource(string ResourceId, string ResourceType, Dictionary<string, string> Tags);
