using System.Collections.Concurrent;
using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Domain.Compute.Ec2;
using Acode.Domain.Compute.Ec2.Events;
using Acode.Infrastructure.Compute.Ec2.Pricing;
using Amazon.EC2;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2.Lifecycle;

/// <summary>
/// What one EC2 target reports about its instances, kept off the lifecycle's path: cost accrual (live spot prices and
/// reservations, list prices the catalogue lacks, the ledger on disk, alerts published once per crossing), metrics,
/// lifecycle events and the log line of each teardown. Every step that fails (a price that cannot be computed, a
/// ledger, a metrics listener, an event subscriber) is a logged warning: it never fails a launch or a teardown.
/// </summary>
internal sealed class Ec2LifecycleObserver : IAsyncDisposable
{
    private readonly string _targetId;
    private readonly TimeProvider _time;
    private readonly IEventPublisher _events;
    private readonly Metrics.Ec2Metrics _metrics;
    private readonly ILogger _logger;
    private readonly Ec2CostTracker _cost;
    private readonly AwsPriceListClient? _ownListPrices;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _launchTimes = new(StringComparer.Ordinal);
    private Ec2InstanceInfo? _current;
    private Ec2InstanceState _lastState = Ec2InstanceState.Unknown;

    public Ec2LifecycleObserver(
        Ec2Configuration configuration, string targetId, IAmazonEC2 ec2, AWSCredentials credentials, Ec2TargetDependencies dependencies, IEventPublisher events)
    {
        _targetId = targetId;
        _time = dependencies.TimeProvider;
        _events = events;
        _metrics = dependencies.Metrics;
        var loggers = dependencies.LoggerFactory;
        _logger = loggers.CreateLogger<Ec2ComputeTarget>();

        // Prices the offline catalogue lacks (other regions) come from the Price List, at the emulator's URL when one is set.
        var listPrices = dependencies.ListPrices ?? (_ownListPrices = new AwsPriceListClient(
            credentials, configuration.PricingEndpointUrl ?? configuration.EndpointUrl, _time, logger: loggers.CreateLogger<AwsPriceListClient>()));
        _cost = new Ec2CostTracker(
            _time, new AwsEc2PriceSource(ec2, configuration.Region, _time, logger: loggers.CreateLogger<AwsEc2PriceSource>()), configuration.SavingsPlan,
            configuration.CostAlertThreshold, configuration.PollInterval, dependencies.CostLedger, listPrices,
            loggers.CreateLogger<Ec2CostTracker>());

        // Subscribed once for the session, so a replacement instance does not double every alert.
        _cost.CostAlert += (_, alert) => _ = _events.PublishAsync(alert);
    }

    /// <summary>An instance was launched (RunInstances answered).</summary>
    public Task LaunchedAsync(Ec2InstanceInfo instance)
    {
        var launchedAt = _launchTimes[instance.InstanceId] = _time.GetUtcNow();
        _current = instance;
        _lastState = Ec2InstanceState.Unknown;
        return GuardAsync("recording the launch of " + instance.InstanceId, async () =>
        {
            _metrics.InstanceLaunched(instance.InstanceType, instance.IsSpotInstance);
            await _events.PublishAsync(new Ec2InstanceLaunchingEvent(instance.InstanceId, instance.InstanceType, instance.Region, instance.IsSpotInstance, launchedAt)).ConfigureAwait(false);
        });
    }

    /// <summary>The current instance was seen in a state; a change is logged and published once.</summary>
    public ValueTask StateAsync(Ec2InstanceInfo instance)
    {
        if (instance.InstanceId != _current?.InstanceId || instance.State == _lastState)
        {
            return ValueTask.CompletedTask;
        }

        var change = new Ec2InstanceStateChangedEvent(instance.InstanceId, _lastState, instance.State, instance.StateReason, _time.GetUtcNow());
        _lastState = instance.State;
        _current = instance;
        Ec2Log.InstanceStateChanged(_logger, instance.InstanceId, change.PreviousState, change.CurrentState, change.StateReason);
        return new ValueTask(_events.PublishAsync(change));
    }

    /// <summary>The time from running to an authenticated SSH session.</summary>
    public void SshReady(TimeSpan elapsed, Ec2InstanceInfo instance) =>
        Guard("recording SSH readiness", () => _metrics.RecordSshReadyDuration(elapsed, instance.InstanceType, instance.IsSpotInstance));

    /// <summary>The time from prepare to a usable target.</summary>
    public void Provisioned(TimeSpan elapsed, Ec2InstanceInfo instance) =>
        Guard("recording the provisioning time", () => _metrics.RecordProvisionDuration(elapsed, instance.InstanceType, instance.IsSpotInstance));

    /// <summary>The instance is ready: its cost accrues from here and the running event goes out.</summary>
    public async Task ReadyAsync(Ec2InstanceInfo instance, string host, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        await GuardAsync("tracking the cost of " + instance.InstanceId, () => _cost.TrackAsync(instance, cancellationToken), cancellationToken).ConfigureAwait(false);
        await _events.PublishAsync(new Ec2InstanceRunningEvent(instance.InstanceId, host, elapsed, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A spot instance is interrupted: its cost ends at the interruption time, not at its teardown.</summary>
    public void Interrupted(string instanceId, DateTimeOffset at) => Guard("ending the cost of " + instanceId, () => FinishCost(instanceId, at));

    /// <summary>EC2 confirmed the instance shutting down or gone: cost, metrics, the state change and the terminating event.</summary>
    public async Task TerminatedAsync(string instanceId, Ec2InstanceState state)
    {
        var now = _time.GetUtcNow();
        var runDuration = _launchTimes.TryGetValue(instanceId, out var launched) && now > launched ? now - launched : TimeSpan.Zero;
        decimal? cost = null;
        Guard("computing the cost of " + instanceId, () => cost = FinishCost(instanceId, now));
        if (_current is { } instance && instance.InstanceId == instanceId)
        {
            Guard("recording the termination of " + instanceId, () =>
            {
                _metrics.InstanceTerminated(instance.InstanceType, instance.IsSpotInstance);
                if (cost is { } known)
                {
                    _metrics.RecordCost(known, instance.InstanceType, instance.IsSpotInstance);
                }
            });
            await StateAsync(instance with { State = state }).ConfigureAwait(false);
        }

        await _events.PublishAsync(new Ec2InstanceTerminatingEvent(instanceId, runDuration, cost, now)).ConfigureAwait(false);
        Ec2Log.TargetTornDown(_logger, _targetId, instanceId, runDuration, cost);
    }

    /// <summary>Writes every instance's final cost record to the ledger.</summary>
    public async ValueTask DisposeAsync()
    {
        await GuardAsync("writing the cost ledger", () => _cost.DisposeAsync().AsTask()).ConfigureAwait(false);
        _ownListPrices?.Dispose();
    }

    // An instance already finished (an interrupted spot instance, stopped at its interruption) keeps its first end;
    // null when not tracked or no price is known ("cost unknown").
    private decimal? FinishCost(string instanceId, DateTimeOffset terminatedAt)
    {
        if (_cost.ToRecord(instanceId) is not { TerminatedAt: not null })
        {
            _cost.MarkTerminated(instanceId, terminatedAt);
        }

        return _cost.CalculateRunningCost(instanceId)?.TotalCost;
    }

    private void Guard(string step, Action work)
    {
        try
        {
            work();
        }
        catch (Exception ex)
        {
            Ec2Log.ObservationFailed(_logger, _targetId, step, ex);
        }
    }

    private async Task GuardAsync(string step, Func<Task> work, CancellationToken cancellationToken = default)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Ec2Log.ObservationFailed(_logger, _targetId, step, ex);
        }
    }
}
