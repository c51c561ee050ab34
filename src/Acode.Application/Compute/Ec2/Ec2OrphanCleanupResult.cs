namespace Acode.Application.Compute.Ec2;

/// <summary>What an orphan cleanup did (or, in a dry run, would do).</summary>
public sealed record Ec2OrphanCleanupResult
{
    /// <summary>True when nothing was terminated because it was a dry run.</summary>
    public bool DryRun { get; init; }

    /// <summary>Instances terminated (or that would be, in a dry run).</summary>
    public IReadOnlyList<string> Terminated { get; init; } = [];

    /// <summary>Instances left alone, with the reason (not acode's, not found, ...).</summary>
    public IReadOnlyDictionary<string, string> Skipped { get; init; } = new Dictionary<string, string>();

    /// <summary>Instances AWS refused to terminate, with the error code.</summary>
    public IReadOnlyDictionary<string, string> Failed { get; init; } = new Dictionary<string, string>();
}
