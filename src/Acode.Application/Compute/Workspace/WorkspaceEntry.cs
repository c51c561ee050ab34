namespace Acode.Application.Compute.Workspace;

/// <summary>What a workspace entry is. A symbolic link is sent as a link, whatever it points at.</summary>
public enum WorkspaceEntryKind
{
    /// <summary>A regular file.</summary>
    File,

    /// <summary>A folder, listed only where it would otherwise not exist remotely (an empty folder).</summary>
    Directory,

    /// <summary>A symbolic link (to a file or a folder), never followed.</summary>
    SymbolicLink,
}

/// <summary>One entry of a <see cref="WorkspaceFileSet"/>.</summary>
/// <param name="Path">Relative to the workspace root, separated by <c>/</c>.</param>
/// <param name="Kind">File, folder or link.</param>
/// <param name="Length">Bytes of a file when the set was made; 0 otherwise.</param>
/// <param name="LinkTarget">Where a link points, as written in the link.</param>
public sealed record WorkspaceEntry(string Path, WorkspaceEntryKind Kind, long Length, string? LinkTarget = null);
