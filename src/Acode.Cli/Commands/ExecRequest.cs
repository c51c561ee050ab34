using Acode.Cli.CommandLine;

namespace Acode.Cli.Commands;

/// <summary>What <c>acode exec</c> was asked to do, validated.</summary>
internal sealed record ExecRequest
{
    /// <summary>The local folder uploaded as the workspace (absolute).</summary>
    public required string UploadFolder { get; init; }

    /// <summary>The files of <see cref="UploadFolder"/> to upload, after the ignore rules.</summary>
    public Acode.Application.Compute.Workspace.WorkspaceFileSet? FileSet { get; init; }

    /// <summary>The files or folders fetched after the command, locals absolute.</summary>
    public required IReadOnlyList<DownloadSpec> Downloads { get; init; }

    /// <summary>Keep the remote workspace (and, for EC2, the instance) instead of tearing down.</summary>
    public bool Keep { get; init; }

    /// <summary>
    /// The remote command line: the words after <c>--</c> joined with spaces and run by the remote shell, as
    /// <c>ssh host words...</c> does (so <c>acode exec -- "make test &amp;&amp; make lint"</c> works).
    /// </summary>
    public required string CommandLine { get; init; }
}
