using Acode.Domain;

namespace Acode.Application.Compute.Ec2.Cost;

/// <summary>
/// No price is known for what was asked (not in the offline catalogue, and no live list price): thrown only where a
/// price is needed to decide (an estimate, a budget cap), never while a run accrues or ends ("cost unknown" there).
/// </summary>
public sealed class Ec2PriceUnknownException : AcodeException
{
    /// <summary>Creates the exception.</summary>
    public Ec2PriceUnknownException(string what, string region)
        : base($"acode has no price for {what} in {region}: the offline catalogue holds only us-east-1, us-east-2, us-west-2 and eu-west-1, "
            + "and no live price came from the AWS Price List (GetProducts needs --mode burst, AWS credentials and pricing:GetProducts).")
    {
        What = what;
        Region = region;
    }

    /// <summary>What has no price (an instance type or a volume type).</summary>
    public string What { get; }

    /// <summary>The region.</summary>
    public string Region { get; }
}
