namespace Acode.Ec2Emulator.State;

/// <summary>The region's VPC (172.31.0.0/16): the default VPC unless the settings say the account has none.</summary>
internal sealed class VpcRecord
{
    public required string VpcId { get; init; }
    public string CidrBlock { get; init; } = "172.31.0.0/16";
    public bool IsDefault { get; set; } = true;
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
