namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>Why an instance is an orphan; both can hold at once.</summary>
[Flags]
public enum Ec2OrphanReasons
{
    /// <summary>Not an orphan.</summary>
    None = 0,

    /// <summary>Launched at least the threshold ago (FR-073/074).</summary>
    OlderThanThreshold = 1,

    /// <summary>Past its <c>acode:expires-at</c> tag.</summary>
    PastExpiry = 2,
}
