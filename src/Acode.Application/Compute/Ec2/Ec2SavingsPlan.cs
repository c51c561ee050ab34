namespace Acode.Application.Compute.Ec2;

/// <summary>
/// A savings plan the account holds, described in configuration because the Savings Plans API is not available to
/// acode: the discount it gives on the on-demand rate of the types it covers.
/// </summary>
public sealed record Ec2SavingsPlan
{
    /// <summary>Percent off the on-demand instance rate, 0 &lt; x &lt; 100 (e.g. 28 for a 1-year compute plan).</summary>
    public required decimal DiscountPercent { get; init; }

    /// <summary>Instance families covered (e.g. <c>m6i</c>); empty = every family (a compute savings plan).</summary>
    public IReadOnlyList<string> InstanceFamilies { get; init; } = [];

    /// <summary>Regions covered; empty = every region (a compute savings plan).</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
}
