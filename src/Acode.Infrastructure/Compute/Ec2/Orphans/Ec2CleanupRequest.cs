namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>What <c>acode target ec2 cleanup</c> asks for.</summary>
public sealed record Ec2CleanupRequest
{
    /// <summary>The regions; null or empty = the client's region (unless <see cref="AllRegions"/>).</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>Every enabled region of the account.</summary>
    public bool AllRegions { get; init; }

    /// <summary>The orphan threshold (<c>--older-than</c>); null = the options' (2 h by default); zero allowed.</summary>
    public TimeSpan? Threshold { get; init; }

    /// <summary><c>--yes</c>: really terminate and delete. False (the default) is a dry run that touches nothing.</summary>
    public bool Yes { get; init; }

    /// <summary>Also sweep instances and resources of sessions that are alive on this machine.</summary>
    public bool Force { get; init; }

    /// <summary>
    /// Only these instances (of the regions asked for); they need no age since the caller picked them, but must still be
    /// tagged <c>acode=true</c>, active and not of a live session. Null = every orphan found.
    /// </summary>
    public IReadOnlyList<string>? InstanceIds { get; init; }
}
