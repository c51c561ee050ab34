namespace Acode.Application.Compute;

/// <summary>What a target prepares: where the work lives locally and remotely, and what is synchronised.</summary>
public sealed record WorkspaceContext
{
    /// <summary>The local workspace root; null prepares an empty remote workspace.</summary>
    public string? LocalRoot { get; init; }

    /// <summary>
    /// The remote workspace path; null lets the target choose one under its workspace root. A path starting with
    /// <c>~/</c> is resolved against the remote user's home directory.
    /// </summary>
    public string? RemoteRoot { get; init; }

    /// <summary>
    /// The files to upload, made before preparing (so a dry run or an empty set stops early); null lets the target
    /// select them from <see cref="LocalRoot"/> with the default ignore rules.
    /// </summary>
    public Workspace.WorkspaceFileSet? FileSet { get; init; }

    /// <summary>Paths relative to <see cref="LocalRoot"/> to upload during preparation; empty uploads the whole root.</summary>
    public IReadOnlyList<string> SyncPaths { get; init; } = [];

    /// <summary>When true, teardown leaves the remote workspace in place.</summary>
    public bool KeepOnTeardown { get; init; }
}
