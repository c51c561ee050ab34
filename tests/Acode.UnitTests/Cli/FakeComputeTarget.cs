using Acode.Application.Compute;
using Acode.Domain.Compute;

namespace Acode.UnitTests.Cli;

/// <summary>A target that records what acode exec asked of it; its command prints two lines and exits with <see cref="RemoteExitCode"/>.</summary>
internal sealed class FakeComputeTarget : IComputeTarget, IComputeTargetFactory
{
    public int RemoteExitCode { get; init; }

    /// <summary>When set, the command cancels this source and then waits for cancellation (a Ctrl-C in the middle of a run).</summary>
    public CancellationTokenSource? InterruptDuringRun { get; init; }

    public List<string> Calls { get; } = [];

    public bool TeardownTokenWasCancelled { get; private set; }

    public WorkspaceContext? Workspace { get; private set; }

    public string TargetId => "fake-1";

    public string TargetType => "ec2";

    public ComputeTargetState State { get; private set; } = ComputeTargetState.NotProvisioned;

    public bool IsReady => State == ComputeTargetState.Ready;

    public Task<IComputeTarget> CreateAsync(ComputeTargetConfiguration configuration, CancellationToken cancellationToken = default)
    {
        Calls.Add("create " + configuration.TargetType);
        return Task.FromResult<IComputeTarget>(this);
    }

    public Task<WorkspacePrepareResult> PrepareAsync(WorkspaceContext context, CancellationToken cancellationToken = default)
    {
        Workspace = context;
        Calls.Add("prepare");
        State = ComputeTargetState.Ready;
        return Task.FromResult(new WorkspacePrepareResult("/home/ec2-user/work", 3, 2048, TimeSpan.FromSeconds(1)));
    }

    public async Task<ExecuteResult> ExecuteAsync(string command, ExecuteOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls.Add("execute " + command);
        options?.OnStdoutLine?.Invoke("hello from the target");
        options?.OnStderrLine?.Invoke("a warning line");
        if (InterruptDuringRun is { } interrupt)
        {
            await interrupt.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }

        return new ExecuteResult(RemoteExitCode, "hello from the target\n", "a warning line\n", TimeSpan.FromSeconds(2), TimedOut: false);
    }

    public Task<TransferResult> UploadAsync(string localPath, string remotePath, TransferOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("acode exec uploads through PrepareAsync");

    public Task<TransferResult> DownloadAsync(string remotePath, string localPath, TransferOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls.Add($"download {remotePath} -> {localPath}");
        return Task.FromResult(new TransferResult(10, 1, TimeSpan.FromMilliseconds(5), Verified: false));
    }

    public Task TeardownAsync(CancellationToken cancellationToken = default)
    {
        TeardownTokenWasCancelled = cancellationToken.IsCancellationRequested;
        Calls.Add("teardown");
        State = ComputeTargetState.Terminated;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Calls.Add("dispose");
        return ValueTask.CompletedTask;
    }
}
