namespace Acode.Domain.Compute.Ec2;

/// <summary>EC2 platform names acode uses (EC2's <c>PlatformDetails</c> and reserved-instance product descriptions).</summary>
public static class Ec2Platforms
{
    /// <summary>Plain Linux: billed per second with a 60 s minimum; the only platform acode launches.</summary>
    public const string LinuxUnix = "Linux/UNIX";
}
