namespace Acode.Ec2Emulator.State;

/// <summary>One rule of a security group: protocol, port range and exactly one source.</summary>
internal sealed record SecurityGroupRule(
    string RuleId,
    bool IsEgress,
    string Protocol,
    int? FromPort,
    int? ToPort,
    string? CidrIpv4,
    string? CidrIpv6,
    string? SourceGroupId,
    string? Description)
{
    public bool SameAs(SecurityGroupRule other) =>
        IsEgress == other.IsEgress && Protocol == other.Protocol && FromPort == other.FromPort && ToPort == other.ToPort
        && CidrIpv4 == other.CidrIpv4 && CidrIpv6 == other.CidrIpv6 && SourceGroupId == other.SourceGroupId;
}
