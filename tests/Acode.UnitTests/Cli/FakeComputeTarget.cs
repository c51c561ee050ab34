using Acode.Application.Compute;
using Acode.Domain.Compute;
using Acode.Domain.Compute.Ec2.Events;

namespace Acode.UnitTests.Cli;

/// <summary>A target that records what acode exec asked of it; its command prints two lines and exits with <see cref="RemoteExitCode"/>.</summary>
internal sealed class FakeComputeTarget : IComputeTarget
{
    public int RemoteExitCode { get; init; }

    /// <summary>Where the target publishes its lifecycle events, as the EC2 target does; null publishes none.</summary>
    public IEventPublisher? Events { get; set; }

    /// <summary>When set, the command cancels this source and then waits for cancellation (a Ctrl-C in the middle of a run).</summary>
    public CancellationTokenSource? InterruptDuringRun { get; init; }

    public List<string> Calls { get; } = [];

    public bool TeardownTokenWasCancelled { get; private set; }

    public WorkspaceContext? Workspace { get; private set; }

    public string TargetId => "fake-1";

    public string TargetType => "ec2";

    public ComputeTargetState State { get; private set; } = ComputeTargetState.NotProvisioned;

    public bool IsReady => State == ComputeTargetState.Ready;

    /// <summary>A factory of type ec2 that hands out this target (what the EC2 target registers in DI).</summary>
    public IComputeTargetFactory Factory() => new SingleTargetFactory(this);

    public async Task<WorkspacePrepareResult> PrepareAsync(WorkspaceContext context, CancellationToken cancellationToken = default)
    {
        Workspace = context;
        Calls.Add("prepare");
        State = ComputeTargetState.Ready;
        if (Events is not null)
        {
            await Events.PublishAsync(new Ec2InstanceLaunchingEvent("i-0123456789abcdef0", "t3.medium", "us-east-1", false, DateTimeOffset.UnixEpoch), cancellationToken);
            await Events.PublishAsync(new Ec2InstanceRunningEvent("i-0123456789abcdef0", "127.0.0.9", TimeSpan.FromSeconds(21), DateTimeOffset.UnixEpoch), cancellationToken);
        }

        return new WorkspacePrepareResult("/home/ec2-user/work", 3, 2048, TimeSpan.FromSeconds(1));
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
        return Events?.PublishAsync(new Ec2InstanceTerminatingEvent("i-0123456789abcdef0", TimeSpan.FromSeconds(75), 0.00102m, DateTimeOffset.UnixEpoch), cancellationToken)
            ?? Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Calls.Add("dispose");
        return ValueTask.CompletedTask;
    }

    private sealed class SingleTargetFactory(FakeComputeTarget target) : IComputeTargetFactory
    {
        public string TargetType => "ec2";

        public Task<IComputeTarget> CreateAsync(ComputeTargetConfiguration configuration, CancellationToken cancellationToken = default)
        {
            target.Calls.Add("create " + configuration.TargetType);
            return Task.FromResult<IComputeTarget>(target);
        }
    }
}
