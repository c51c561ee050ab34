using Acode.Ec2Emulator.Protocol;

namespace Acode.Ec2Emulator.State;

/// <summary>A launch template (one version): its <c>LaunchTemplateData.*</c> parameters, named as RunInstances names them.</summary>
internal sealed class LaunchTemplateRecord
{
    public required string LaunchTemplateId { get; init; }
    public required string LaunchTemplateName { get; init; }
    public required QueryParameters Data { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
