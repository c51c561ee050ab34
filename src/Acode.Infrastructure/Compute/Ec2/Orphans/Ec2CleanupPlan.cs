namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>
/// What a cleanup would do, computed without changing anything: the orphans (with age, type and cost so far), the
/// acode instances it keeps and why, and the temporary security groups and auto key pairs that would go or stay.
/// </summary>
public sealed record Ec2CleanupPlan
{
    /// <summary>The regions looked at.</summary>
    public required IReadOnlyList<string> Regions { get; init; }

    /// <summary>Regions of the sweep that could not be looked at (not enabled for the account), each with a note.</summary>
    public IReadOnlyList<Ec2SkippedRegion> SkippedRegions { get; init; } = [];

    /// <summary>The orphan threshold used (for temporary resources, and for instances unless they were named).</summary>
    public required TimeSpan Threshold { get; init; }

    /// <summary>The age an instance needs: <see cref="Threshold"/>, or zero when the request named the instances.</summary>
    public required TimeSpan InstanceThreshold { get; init; }

    /// <summary>Live local sessions were ignored.</summary>
    public required bool Force { get; init; }

    /// <summary>When the plan was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The instances that would be terminated.</summary>
    public required IReadOnlyList<Ec2InstanceListing> Orphans { get; init; }

    /// <summary>acode instances left alone, each with <see cref="Ec2InstanceListing.Reason"/>.</summary>
    public required IReadOnlyList<Ec2InstanceListing> KeptInstances { get; init; }

    /// <summary>Security groups and key pairs that would be deleted.</summary>
    public required IReadOnlyList<Ec2TempResource> Resources { get; init; }

    /// <summary>acode-tagged security groups and key pairs left alone, with why.</summary>
    public required IReadOnlyList<Ec2TempResource> KeptResources { get; init; }

    /// <summary>Requested instance ids EC2 does not know (any more): nothing to do.</summary>
    public IReadOnlyList<string> MissingInstanceIds { get; init; } = [];

    /// <summary>Cost so far of the orphans together (known prices only).</summary>
    public decimal CostSoFar => Orphans.Sum(o => o.CostSoFar ?? 0m);

    /// <summary>What the orphans cost per hour together (known prices only): the saving of terminating them.</summary>
    public decimal HourlyRate => Orphans.Sum(o => o.HourlyRate ?? 0m);
}
