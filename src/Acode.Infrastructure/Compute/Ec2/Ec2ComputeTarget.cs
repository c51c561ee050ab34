using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Spot;
using Acode.Application.Compute.Ssh;
using Acode.Domain.Compute;
using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Lifecycle;
using Acode.Infrastructure.Compute.Ec2.Provisioning;
using Acode.Infrastructure.Compute.Ec2.Spot;
using Acode.Infrastructure.Compute.Ssh;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2;

/// <summary>
/// The AWS EC2 compute target (spec FR-001..040, FR-061..071): <see cref="PrepareAsync"/> checks the mode before any
/// AWS client exists, resolves credentials, AMI, key pair and security group, launches (ClientToken, tags, user data
/// with a pinned host key and the dead-man switch), waits for running and for an authenticated SSH session with the
/// verified host key, and lets an <see cref="SshComputeTarget"/> prepare the workspace. Commands and transfers go to
/// that SSH target. <see cref="TeardownAsync"/> (also <see cref="DisposeAsync"/>, a failed or cancelled prepare, and the
/// process-exit hook as the last resort) terminates the instance and removes the temporary security group and key
/// pair, always on its own bounded token. A spot instance is watched for interruption while the target is in use: the
/// command running at the notice fails with <see cref="SpotInterruptedException"/> and, with
/// <c>spotFallbackToOnDemand</c>, an on-demand replacement is launched, awaited and given the workspace again, so the
/// caller's retry runs on it.
/// </summary>
public sealed partial class Ec2ComputeTarget : IComputeTarget
{
    private readonly Ec2Configuration _configuration;
    private readonly Ec2TargetDependencies _deps;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly CancellationTokenSource _teardownRequested = new();
    private readonly string _sessionId;
    private Ec2Session? _session;
    private SshComputeTarget? _ssh;
    private Ec2InstanceInfo? _instance;
    private readonly IEventPublisher _events;
    private readonly Ec2SpotReplacement _spot;
    private Ec2LifecycleObserver? _observer;
    private Ec2DeadManHeartbeat? _heartbeat;
    private Orphans.Ec2SessionHeartbeat? _sessionHeartbeat;
    private Ec2LaunchRequest? _launchRequest;
    private WorkspaceContext? _workspace;
    private long _prepareStarted;
    private string? _remoteRoot;

    /// <summary>Initializes a new instance of the <see cref="Ec2ComputeTarget"/> class. Creates no AWS client.</summary>
    /// <param name="configuration">The validated configuration.</param>
    /// <param name="dependencies">Shared services.</param>
    public Ec2ComputeTarget(Ec2Configuration configuration, Ec2TargetDependencies dependencies)
    {
        _configuration = configuration;
        _deps = dependencies;
        _time = dependencies.TimeProvider;
        _logger = dependencies.LoggerFactory.CreateLogger<Ec2ComputeTarget>();
        _sessionId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        TargetId = "ec2-" + _sessionId;
        _events = new Ec2GuardedEvents(dependencies.Events, TargetId, _logger);
        _spot = new Ec2SpotReplacement(
            configuration.SpotFallbackToOnDemand, _time, _events, dependencies.SpotWatch, dependencies.LoggerFactory, ReplaceAsync, _teardownRequested.Token);
    }

    /// <inheritdoc />
    public string TargetId { get; }

    /// <inheritdoc />
    public string TargetType => Ec2Configuration.Ec2TargetType;

    /// <inheritdoc />
    public ComputeTargetState State { get; private set; } = ComputeTargetState.NotProvisioned;

    /// <inheritdoc />
    public bool IsReady => State == ComputeTargetState.Ready && _ssh?.IsReady == true;

    /// <summary>Gets the session id: the <c>acode:session</c> tag on everything this target creates.</summary>
    public string SessionId => _sessionId;

    /// <summary>Gets the instance as last seen; null before launch.</summary>
    public Ec2InstanceInfo? Instance => _instance;

    /// <summary>Gets the address SSH connects to.</summary>
    public string? Host { get; private set; }

    /// <summary>Gets a value indicating whether the instance is stopped (<see cref="StopAsync"/>); the target is not ready until <see cref="StartAsync"/>.</summary>
    public bool IsStopped { get; private set; }

    /// <summary>Gets the verified host key fingerprint; null with <c>hostKeyVerification: off</c>.</summary>
    public string? HostKeyFingerprint { get; private set; }

    /// <inheritdoc />
    public async Task<WorkspacePrepareResult> PrepareAsync(WorkspaceContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        _deps.ModeValidator.EnsureCloudAllowed(TargetType);
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (State != ComputeTargetState.NotProvisioned)
            {
                throw new TargetNotReadyException(TargetId, State, "prepare (a target is prepared once)");
            }

            State = ComputeTargetState.Provisioning;
            _prepareStarted = _time.GetTimestamp();
            Ec2Log.TargetPreparing(_logger, TargetId, _configuration.InstanceType, _configuration.Region);
            using var prepare = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _teardownRequested.Token);
            try
            {
                var result = await ProvisionAsync(context, prepare.Token).ConfigureAwait(false);
                State = ComputeTargetState.Ready;
                return result;
            }
            catch (Exception ex)
            {
                State = ComputeTargetState.Failed;
                Ec2Log.TargetPrepareFailed(_logger, TargetId, ex);
                await CleanupAfterFailureAsync(ex).ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <inheritdoc />
    /// <exception cref="SpotInterruptedException">The spot instance is being interrupted; retry once the replacement (if any) is ready.</exception>
    public Task<ExecuteResult> ExecuteAsync(string command, ExecuteOptions? options = null, CancellationToken cancellationToken = default) =>
        GuardedAsync("execute a command", (ssh, token) => ssh.ExecuteAsync(command, options, token), cancellationToken);

    /// <inheritdoc />
    /// <exception cref="SpotInterruptedException">The spot instance is being interrupted.</exception>
    public Task<TransferResult> UploadAsync(string localPath, string remotePath, TransferOptions? options = null, CancellationToken cancellationToken = default) =>
        GuardedAsync("upload", (ssh, token) => ssh.UploadAsync(localPath, remotePath, options, token), cancellationToken);

    /// <inheritdoc />
    /// <exception cref="SpotInterruptedException">The spot instance is being interrupted.</exception>
    public Task<TransferResult> DownloadAsync(string remotePath, string localPath, TransferOptions? options = null, CancellationToken cancellationToken = default) =>
        GuardedAsync("download", (ssh, token) => ssh.DownloadAsync(remotePath, localPath, options, token), cancellationToken);

    /// <summary>Gets the running on-demand replacement of an interrupted spot instance; null when there is none (tests, status).</summary>
    public Task? Replacement => _spot.Replacement;

    /// <summary>Stops the instance, preserving it and its disk (FR-066); the target is not ready until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ReadySsh("stop");
            var session = _session!;
            await StopSshAsync().ConfigureAwait(false);
            State = ComputeTargetState.Provisioning;
            IsStopped = true;
            await session.Instances.StopAsync(_instance!.InstanceId, cancellationToken).ConfigureAwait(false);
            await session.Instances.WaitForStateAsync(_instance.InstanceId, Ec2InstanceState.Stopped, cancellationToken, _configuration.PollInterval).ConfigureAwait(false);
            _instance = _instance with { State = Ec2InstanceState.Stopped, PublicIp = null };
            await _observer!.StateAsync(_instance).ConfigureAwait(false);
            Ec2Log.TargetStopStart(_logger, TargetId, _instance.InstanceId, "stopped");
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Starts the stopped instance (FR-067): it gets a new public address, so SSH is awaited and verified again.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!IsStopped || _session is null || _instance is null)
            {
                throw new TargetNotReadyException(TargetId, State, "start (only a stopped target starts)");
            }

            try
            {
                await _session.Instances.StartAsync(_instance.InstanceId, cancellationToken).ConfigureAwait(false);
                await ConnectAsync(new WorkspaceContext { RemoteRoot = _remoteRoot, KeepOnTeardown = true }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Same rule as a failed prepare: a wrong host key or an instance that will not come back is terminated.
                State = ComputeTargetState.Failed;
                Ec2Log.TargetPrepareFailed(_logger, TargetId, ex);
                await CleanupAfterFailureAsync(ex).ConfigureAwait(false);
                throw;
            }

            IsStopped = false;
            State = ComputeTargetState.Ready;
            Ec2Log.TargetStopStart(_logger, TargetId, _instance.InstanceId, "started at " + Host);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <inheritdoc />
    /// <exception cref="Ec2CleanupIncompleteException">Something this target created may remain (named in the message).</exception>
    public async Task TeardownAsync(CancellationToken cancellationToken = default)
    {
        // The caller's token is not used for the work: cleanup must finish even when the caller is being cancelled.
        _teardownRequested.Cancel();
        using var cleanup = new CancellationTokenSource(Ec2TargetTimeouts.Cleanup, _time);
        await _lifecycle.WaitAsync(cleanup.Token).ConfigureAwait(false);
        try
        {
            if (State == ComputeTargetState.Terminated)
            {
                return;
            }

            State = ComputeTargetState.TearingDown;
            await StopSshAsync().ConfigureAwait(false);
            if (_session is not null)
            {
                await CleanupAsync(cleanup.Token).ConfigureAwait(false);
                if (_observer is { } observer)
                {
                    await observer.DisposeAsync().ConfigureAwait(false);
                }

                await _session.DisposeAsync().ConfigureAwait(false);
                _session = null;
            }

            // Only once everything is gone: while something may remain, the session must not look orphaned to a sweep
            // running elsewhere; the record goes stale by itself if this process dies first.
            if (_sessionHeartbeat is { } heartbeat)
            {
                _sessionHeartbeat = null;
                await heartbeat.DisposeAsync().ConfigureAwait(false);
            }

            State = ComputeTargetState.Terminated;
        }
        catch
        {
            State = ComputeTargetState.Failed;
            throw;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Tears down; a failure is logged (with what may remain), not thrown, so it cannot hide an exception in flight.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await TeardownAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Ec2Log.TeardownStepFailed(_logger, TargetId, "dispose", ex);
        }
    }

    // EC2 calls alone remove what the session created; the observer reports each terminated instance afterwards, also
    // when cleanup is incomplete, and none of its failures reaches the caller.
    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        var session = _session!;
        try
        {
            await session.Resources.CleanupAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var (instanceId, state) in session.Resources.TakeTerminated())
            {
                Ec2ProcessExitGuard.Release(instanceId);
                if (_observer is { } observer)
                {
                    await observer.TerminatedAsync(instanceId, state).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Stops heartbeating without tearing down: what a crashed client looks like to the dead-man switch (tests).</summary>
    internal Task StopHeartbeatAsync() => _heartbeat?.StopAsync() ?? Task.CompletedTask;

    private async Task StopSshAsync()
    {
        if (await DetachSshAsync().ConfigureAwait(false) is { } ssh)
        {
            await ssh.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Stops what uses the SSH connection (the watcher probes over it, so it goes first, then the heartbeat) and hands
    // the connection over for the caller to close.
    private async Task<SshComputeTarget?> DetachSshAsync()
    {
        await _spot.StopWatchingAsync().ConfigureAwait(false);
        await StopHeartbeatAsync().ConfigureAwait(false);
        var ssh = _ssh;
        _ssh = null;
        return ssh;
    }

    private async Task CleanupAfterFailureAsync(Exception failure)
    {
        using var cleanup = new CancellationTokenSource(Ec2TargetTimeouts.Cleanup, _time);
        try
        {
            await StopSshAsync().ConfigureAwait(false);
            if (_session is not null)
            {
                await CleanupAsync(cleanup.Token).ConfigureAwait(false);
            }
        }
        catch (Ec2CleanupIncompleteException incomplete)
        {
            // The original failure stays the one thrown; what may remain is logged by name.
            Ec2Log.TeardownStepFailed(_logger, TargetId, string.Join(", ", incomplete.RemainingResources), failure);
            throw new Ec2CleanupIncompleteException(incomplete.RemainingResources, failure);
        }
    }

    private SshComputeTarget ReadySsh(string operation) =>
        State == ComputeTargetState.Ready && _ssh is { } ssh ? ssh : throw new TargetNotReadyException(TargetId, State, operation);
}
