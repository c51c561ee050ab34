namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>Which acode instances to list, and the orphan rule to flag them with.</summary>
public sealed record Ec2ListRequest
{
    /// <summary>The regions; null or empty = the client's region (unless <see cref="AllRegions"/>).</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>Every enabled region of the account (DescribeRegions, then each).</summary>
    public bool AllRegions { get; init; }

    /// <summary>The orphan threshold; null = the options' (2 h by default).</summary>
    public TimeSpan? Threshold { get; init; }

    /// <summary>Treat instances of live local sessions like any other.</summary>
    public bool Force { get; init; }
}
