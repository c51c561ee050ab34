namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>What <see cref="Ec2OrphanRules"/> decided about one instance, with a sentence for people.</summary>
/// <param name="Reasons">Why it is an orphan (<see cref="Ec2OrphanReasons.None"/> when it is not).</param>
/// <param name="KeepReason">Why it is kept (<see cref="Ec2KeepReason.None"/> when it is an orphan).</param>
/// <param name="Description">The decision in words, e.g. <c>launched 3h 5m ago (threshold 2h)</c>.</param>
public sealed record Ec2OrphanVerdict(Ec2OrphanReasons Reasons, Ec2KeepReason KeepReason, string Description)
{
    /// <summary>True when cleanup may terminate the instance.</summary>
    public bool IsOrphan => KeepReason == Ec2KeepReason.None && Reasons != Ec2OrphanReasons.None;
}
