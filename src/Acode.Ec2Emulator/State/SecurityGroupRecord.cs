namespace Acode.Ec2Emulator.State;

/// <summary>A security group of the default VPC.</summary>
internal sealed class SecurityGroupRecord
{
    public required string GroupId { get; init; }
    public required string GroupName { get; init; }
    public required string Description { get; init; }
    public required string VpcId { get; init; }
    public List<SecurityGroupRule> Rules { get; } = [];
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
