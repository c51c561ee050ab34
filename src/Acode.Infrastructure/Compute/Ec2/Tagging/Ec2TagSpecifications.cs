using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.Infrastructure.Compute.Ec2.Tagging;

/// <summary>Turns acode's tag dictionary into the SDK's request shapes, for tagging at creation.</summary>
public static class Ec2TagSpecifications
{
    /// <summary>A TagSpecification for one resource type (instance, volume, security-group, key-pair).</summary>
    public static TagSpecification For(ResourceType resourceType, IReadOnlyDictionary<string, string> tags) => new()
    {
        ResourceType = resourceType,
        Tags = ToTags(tags),
    };

    /// <summary>The tags as SDK <see cref="Tag"/> objects.</summary>
    public static List<Tag> ToTags(IReadOnlyDictionary<string, string> tags) =>
        tags.Select(tag => new Tag(tag.Key, tag.Value)).ToList();
}
