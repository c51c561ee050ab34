namespace Acode.Ec2Emulator.State;

/// <summary>The default VPC (172.31.0.0/16).</summary>
internal sealed class VpcRecord
{
    public required string VpcId { get; init; }
    public string CidrBlock { get; init; } = "172.31.0.0/16";
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
