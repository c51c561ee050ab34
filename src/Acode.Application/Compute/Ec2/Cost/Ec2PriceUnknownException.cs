using Acode.Domain;

namespace Acode.Application.Compute.Ec2.Cost;

/// <summary>No price is known for what was asked (an uncatalogued type or region offline): acode refuses to guess a bill.</summary>
public sealed class Ec2PriceUnknownException : AcodeException
{
    /// <summary>Creates the exception.</summary>
    public Ec2PriceUnknownException(string what, string region)
        : base($"acode has no price for {what} in {region} offline. Use one of the catalogued regions (us-east-1, us-east-2, us-west-2, eu-west-1) and types, or let acode look the price up live.")
    {
        What = what;
        Region = region;
    }

    /// <summary>What has no price (an instance type or a volume type).</summary>
    public string What { get; }

    /// <summary>The region.</summary>
    public string Region { get; }
}
