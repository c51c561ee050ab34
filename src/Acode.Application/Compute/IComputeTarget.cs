using Acode.Domain.Compute;

namespace Acode.Application.Compute;

/// <summary>
/// A machine that is prepared, runs commands, moves files in and out, and is torn down. Disposing tears it down;
/// teardown and dispose are idempotent, and any use after teardown throws <see cref="TargetNotReadyException"/>.
/// </summary>
public interface IComputeTarget : IAsyncDisposable
{
    /// <summary>A unique id for this target instance (used in logs, events and remote resource names).</summary>
    string TargetId { get; }

    /// <summary>The target type, e.g. <c>ssh</c> or <c>ec2</c>.</summary>
    string TargetType { get; }

    /// <summary>The current lifecycle state.</summary>
    ComputeTargetState State { get; }

    /// <summary>True when <see cref="State"/> is <see cref="ComputeTargetState.Ready"/>.</summary>
    bool IsReady { get; }

    /// <summary>Connects (provisioning first where needed), creates the remote workspace and uploads the workspace files.</summary>
    Task<WorkspacePrepareResult> PrepareAsync(WorkspaceContext context, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a shell command in the remote workspace (or <see cref="ExecuteOptions.WorkingDirectory"/>). A timeout
    /// stops the remote process tree and returns a result with <see cref="ExecuteResult.TimedOut"/> set;
    /// cancellation stops it and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<ExecuteResult> ExecuteAsync(string command, ExecuteOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Uploads a local file or directory tree. A relative remote path is relative to the remote workspace.</summary>
    Task<TransferResult> UploadAsync(string localPath, string remotePath, TransferOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Downloads a remote file or directory tree. A relative remote path is relative to the remote workspace.</summary>
    Task<TransferResult> DownloadAsync(string remotePath, string localPath, TransferOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Removes the remote workspace (unless kept) and releases every remote resource. Idempotent.</summary>
    Task TeardownAsync(CancellationToken cancellationToken = default);
}
