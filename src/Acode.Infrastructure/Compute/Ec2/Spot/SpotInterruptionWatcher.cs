using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Spot;
using Acode.Domain.Compute.Ec2.Events;
using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Acode.Infrastructure.Compute.Ec2.Spot;

/// <summary>
/// Watches one spot instance for interruption while its target is in use (FR-051, NFR-006). On a timer of the
/// <see cref="TimeProvider"/> (default every 5 s, AWS's advice) it reads the instance's <c>spot/instance-action</c>
/// over SSH (<see cref="SpotInstanceAction.Command"/>) and DescribeInstances' state reason
/// (<c>Server.SpotInstanceTermination</c> / <c>Server.SpotInstanceShutdown</c>). On the first notice it logs, cancels
/// <see cref="InterruptionToken"/>, completes <see cref="Interrupted"/> and publishes <see cref="Ec2SpotInterruptionEvent"/>
/// once. Wrap each command in <see cref="GuardAsync{T}"/> so it fails with <see cref="SpotInterruptedException"/>.
/// A probe that fails (network, SSH) is logged and retried at the next tick; it never raises a notice.
/// </summary>
public sealed class SpotInterruptionWatcher : IAsyncDisposable
{
    private readonly string _instanceId;
    private readonly SpotInterruptionProbes _probes;
    private readonly TimeProvider _time;
    private readonly IEventPublisher? _events;
    private readonly ILogger _logger;
    private readonly SpotInterruptionWatcherOptions _options;
    private readonly CancellationTokenSource _interrupted = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<SpotInterruptionNotice> _notice = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private Task _inFlight = Task.CompletedTask;
    private int _checking;
    private int _raised;

    /// <summary>Creates a watcher; call <see cref="Start"/> once the instance is reachable.</summary>
    /// <param name="instanceId">The spot instance.</param>
    /// <param name="willReplaceWithOnDemand">Whether the target provisions an on-demand replacement (configuration's <c>spotFallbackToOnDemand</c>).</param>
    /// <param name="runRemoteCommand">Runs a shell command on the instance over the target's SSH connection; null = no IMDS probe.</param>
    /// <param name="describeInstance">Reads the instance's state (<see cref="DescribeWith"/>); null = no DescribeInstances probe.</param>
    /// <param name="timeProvider">The clock of the poll timer.</param>
    /// <param name="events">Where <see cref="Ec2SpotInterruptionEvent"/> goes; null = not published.</param>
    /// <param name="options">Poll interval and probe timeout.</param>
    /// <param name="logger">The logger.</param>
    public SpotInterruptionWatcher(
        string instanceId,
        bool willReplaceWithOnDemand,
        Func<string, CancellationToken, Task<(int ExitCode, string Stdout)>>? runRemoteCommand,
        Func<CancellationToken, Task<Ec2InstanceStateProbe?>>? describeInstance,
        TimeProvider timeProvider,
        IEventPublisher? events = null,
        SpotInterruptionWatcherOptions? options = null,
        ILogger<SpotInterruptionWatcher>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        _instanceId = instanceId;
        WillReplaceWithOnDemand = willReplaceWithOnDemand;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _events = events;
        _options = options ?? new SpotInterruptionWatcherOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _probes = new SpotInterruptionProbes(instanceId, runRemoteCommand, describeInstance, _time, _options.ProbeTimeout, _logger);
    }

    /// <summary>True when an on-demand replacement will be provisioned after an interruption.</summary>
    public bool WillReplaceWithOnDemand { get; }

    /// <summary>Cancelled when the instance is being interrupted; link it into every command's token.</summary>
    public CancellationToken InterruptionToken => _interrupted.Token;

    /// <summary>Completes with the notice when the instance is being interrupted; never faults.</summary>
    public Task<SpotInterruptionNotice> Interrupted => _notice.Task;

    /// <summary>The notice, once seen.</summary>
    public SpotInterruptionNotice? Notice => _notice.Task.IsCompletedSuccessfully ? _notice.Task.Result : null;

    /// <summary>True once a notice was seen.</summary>
    public bool IsInterrupted => Notice is not null;

    /// <summary>A DescribeInstances probe through the real client for <see cref="SpotInterruptionWatcher"/>'s constructor.</summary>
    public static Func<CancellationToken, Task<Ec2InstanceStateProbe?>> DescribeWith(IAmazonEC2 ec2, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        return async cancellationToken =>
        {
            try
            {
                var response = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] }, cancellationToken).ConfigureAwait(false);
                var instance = response.Reservations?.SelectMany(r => r.Instances ?? []).FirstOrDefault(i => i.InstanceId == instanceId);
                return instance is null ? null : new Ec2InstanceStateProbe(instance.State?.Name?.Value ?? "unknown", instance.StateReason?.Code);
            }
            catch (AmazonEC2Exception e) when (AwsErrorCodes.IsAlreadyGone(e.ErrorCode))
            {
                return null;
            }
        };
    }

    /// <summary>Starts polling: a first check now, then one every poll interval. Idempotent.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_timer is not null || _stopping.IsCancellationRequested)
            {
                return;
            }

            Ec2Log.SpotWatchStarted(_logger, _instanceId, _options.PollInterval);
            _timer = _time.CreateTimer(_ => Tick(), null, _options.PollInterval, _options.PollInterval);
        }

        Tick();
    }

    /// <summary>Checks both probes once now; returns the notice when there is one (then or before).</summary>
    public async Task<SpotInterruptionNotice?> CheckNowAsync(CancellationToken cancellationToken = default)
    {
        if (Notice is { } known)
        {
            return known;
        }

        var notice = await _probes.ProbeAsync(cancellationToken).ConfigureAwait(false);
        if (notice is not null)
        {
            await RaiseAsync(notice).ConfigureAwait(false);
        }

        return Notice;
    }

    /// <summary>
    /// Runs a command (or transfer) so that an interruption fails it with <see cref="SpotInterruptedException"/>: the
    /// operation's token is cancelled on the notice, and a failure after a notice is reported as the interruption. A
    /// failure before any notice (the connection dropped as the instance went) triggers one immediate check, so an
    /// interruption the poll had not seen yet is still reported as such. An operation that finishes within the notice
    /// period returns normally; a cancellation by the caller stays a cancellation.
    /// </summary>
    public async Task<T> GuardAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (IsInterrupted)
        {
            throw ToException();
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _interrupted.Token);
        try
        {
            return await operation(linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not SpotInterruptedException && !cancellationToken.IsCancellationRequested)
        {
            if (!IsInterrupted)
            {
                // Each probe is bounded by its own timeout; the caller's token is not cancelled here.
                await CheckNowAsync(CancellationToken.None).ConfigureAwait(false);
            }

            if (IsInterrupted)
            {
                throw ToException(e);
            }

            throw;
        }
    }

    /// <summary>The exception to fail a running command with; call once <see cref="IsInterrupted"/>.</summary>
    public SpotInterruptedException ToException(Exception? innerException = null)
    {
        var notice = Notice ?? throw new InvalidOperationException($"Instance {_instanceId} has not been interrupted.");
        return new SpotInterruptedException(notice.InstanceId, notice.Action, notice.InterruptionTime, WillReplaceWithOnDemand, innerException);
    }

    /// <summary>Stops polling and waits for a check in flight (bounded by the probe timeout).</summary>
    public async ValueTask DisposeAsync()
    {
        // The token sources are not disposed: a tick racing with disposal may still read them, and they own no timer.
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task inFlight;
        lock (_gate)
        {
            _timer?.Dispose();
            inFlight = _inFlight;
        }

        await inFlight.ConfigureAwait(false);
    }

    private void Tick()
    {
        if (IsInterrupted || _stopping.IsCancellationRequested || Interlocked.Exchange(ref _checking, 1) == 1)
        {
            return;
        }

        var check = TickAsync();
        lock (_gate)
        {
            _inFlight = check;
        }
    }

    private async Task TickAsync()
    {
        try
        {
            var notice = await CheckNowAsync(_stopping.Token).ConfigureAwait(false);
            if (notice is not null)
            {
                lock (_gate)
                {
                    _timer?.Dispose();
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Disposed while checking.
        }
        catch (Exception e)
        {
            // A timer's check must not fault unobserved: the next tick probes again.
            Ec2Log.SpotWatchCheckFailed(_logger, _instanceId, e);
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }

    private async Task RaiseAsync(SpotInterruptionNotice notice)
    {
        if (Interlocked.Exchange(ref _raised, 1) == 1)
        {
            return;
        }

        Ec2Log.SpotInterruptionNotice(_logger, notice.InstanceId, notice.Action, notice.InterruptionTime, notice.Source, WillReplaceWithOnDemand);
        try
        {
            if (_events is not null)
            {
                // Subscribers hear of it before anyone awaiting the notice resumes and before the command fails; the
                // event goes out even while the watcher is being disposed.
                await _events.PublishAsync(
                    new Ec2SpotInterruptionEvent(notice.InstanceId, notice.Action, notice.InterruptionTime, WillReplaceWithOnDemand),
                    CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            _notice.TrySetResult(notice);
            await _interrupted.CancelAsync().ConfigureAwait(false);
        }
    }
}
