namespace Acode.Ec2Emulator.State;

/// <summary>A subnet of the region's VPC, one per availability zone: default for its zone while the VPC is the default.</summary>
internal sealed class SubnetRecord
{
    public required string SubnetId { get; init; }
    public required string VpcId { get; init; }
    public required string AvailabilityZone { get; init; }
    public required int ThirdOctetBase { get; init; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    public int NextHost { get; set; } = 10;
    public bool DefaultForAz { get; set; } = true;

    public string CidrBlock => $"172.31.{ThirdOctetBase}.0/20";

    /// <summary>The next private address from the subnet's /20.</summary>
    public string AllocatePrivateIp()
    {
        var host = NextHost++;
        return $"172.31.{ThirdOctetBase + (host / 254 % 16)}.{(host % 254) + 1}";
    }
}
