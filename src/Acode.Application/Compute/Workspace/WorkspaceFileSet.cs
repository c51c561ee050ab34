namespace Acode.Application.Compute.Workspace;

/// <summary>
/// The files a workspace upload sends, after the ignore rules: made once (before anything is launched, so
/// <c>--list-upload</c> and an empty workspace stop early) and consumed by every transfer method alike.
/// </summary>
public sealed record WorkspaceFileSet
{
    /// <summary>The local workspace root (absolute).</summary>
    public required string Root { get; init; }

    /// <summary>The entries to send, ordered by path.</summary>
    public required IReadOnlyList<WorkspaceEntry> Entries { get; init; }

    /// <summary>Files that look like secrets and were left out (not named by an include pattern).</summary>
    public IReadOnlyList<string> SecretsLeftOut { get; init; } = [];

    /// <summary>How the candidates were listed: <c>git ls-files</c>, acode's own ignore rules, or everything.</summary>
    public string Source { get; init; } = "everything";

    /// <summary>Regular files and links to send.</summary>
    public int FileCount => Entries.Count(e => e.Kind != WorkspaceEntryKind.Directory);

    /// <summary>Bytes of the regular files to send.</summary>
    public long TotalBytes => Entries.Sum(e => e.Length);
}
