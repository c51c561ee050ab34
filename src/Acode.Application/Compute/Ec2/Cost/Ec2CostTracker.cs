using System.Collections.Concurrent;
using Acode.Domain.Compute.Ec2;
using Acode.Domain.Compute.Ec2.Cost;
using Acode.Domain.Compute.Ec2.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Acode.Application.Compute.Ec2.Cost;

/// <summary>
/// Prices, estimates and accrued cost per instance (FR-054..060), from the offline catalogue, <see cref="Ec2CostCalculator"/> and a
/// <see cref="TimeProvider"/>, with live spot prices and reservations through an optional <see cref="IEc2PriceSource"/>.
/// A timer on the <see cref="TimeProvider"/> checks thresholds every <c>checkInterval</c> and, with an
/// <see cref="IEc2CostLedger"/>, records each instance's accrued cost (also when tracked and when terminated), so the
/// figure outlives the process. Track an instance once it is running, so its addresses are known. Prices the
/// catalogue lacks come from an optional <see cref="IEc2ListPriceSource"/>; an instance priced by neither accrues
/// "cost unknown" (null figures, no alerts, no ledger record), never $0 and never an exception.
/// </summary>
public sealed class Ec2CostTracker : IDisposable, IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly IEc2PriceSource? _prices;
    private readonly IEc2ListPriceSource? _listPrices;
    private readonly Ec2SavingsPlan? _savingsPlan;
    private readonly decimal? _defaultThreshold;
    private readonly Ec2CostAlertMonitor _monitor = new();
    private readonly ConcurrentDictionary<string, Tracked> _instances = new(StringComparer.Ordinal);
    private readonly ITimer _timer;
    private readonly ILogger _logger;
    private readonly IEc2CostLedger? _ledger;
    private readonly Lock _ledgerGate = new();
    private Task _ledgerWrites = Task.CompletedTask;

    /// <summary>Creates the tracker.</summary>
    /// <param name="timeProvider">The clock for accrual and the alert check timer.</param>
    /// <param name="priceSource">Live prices; null = offline only.</param>
    /// <param name="savingsPlan">The savings plan from configuration.</param>
    /// <param name="defaultAlertThreshold">The threshold given to every tracked instance (configuration's costAlertThreshold).</param>
    /// <param name="checkInterval">How often thresholds are checked (and accrued cost recorded); default the poll interval.</param>
    /// <param name="ledger">Where accrued cost is kept between processes; null = memory only.</param>
    /// <param name="listPrices">Live list prices for what the catalogue lacks; null = catalogue only.</param>
    /// <param name="logger">Where a failed periodic check is reported (it never escapes the timer).</param>
    public Ec2CostTracker(
        TimeProvider timeProvider, IEc2PriceSource? priceSource = null, Ec2SavingsPlan? savingsPlan = null,
        decimal? defaultAlertThreshold = null, TimeSpan? checkInterval = null, IEc2CostLedger? ledger = null,
        IEc2ListPriceSource? listPrices = null, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _listPrices = listPrices;
        _ledger = ledger;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _prices = priceSource;
        _savingsPlan = savingsPlan;
        _defaultThreshold = defaultAlertThreshold;
        var interval = checkInterval ?? Ec2Defaults.PollInterval;
        _timer = _time.CreateTimer(_ => CheckAlertsFromTimer(), null, interval, interval);
    }

    /// <summary>Raised once each time an instance's accrued cost crosses its threshold.</summary>
    public event EventHandler<Ec2CostAlertEvent>? CostAlert;

    /// <summary>Unit prices of a type in a region (live spot for the AZ when available).</summary>
    public async Task<Ec2PricingInfo> GetPricingAsync(string instanceType, string region, string? availabilityZone = null, CancellationToken cancellationToken = default)
    {
        var spot = _prices is null ? null : await _prices.GetSpotPriceAsync(instanceType, region, availabilityZone, cancellationToken).ConfigureAwait(false);
        var live = await Ec2ListPrices.FillAsync(
            new Ec2CostRequest { InstanceType = instanceType, Region = region, Duration = TimeSpan.Zero }, _listPrices, cancellationToken).ConfigureAwait(false);
        return Ec2CostCalculator.Pricing(instanceType, region, Ec2Defaults.EbsVolumeType, spot, live.OnDemandHourlyRate, live.EbsGbMonthRate);
    }

    /// <summary>The estimate before launch for a run of <paramref name="expectedDuration"/> (FR-056..058).</summary>
    public async Task<Ec2CostBreakdown> EstimateAsync(Ec2Configuration configuration, TimeSpan expectedDuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var request = Ec2CostRequest.FromConfiguration(configuration, expectedDuration) with { SavingsPlan = configuration.SavingsPlan ?? _savingsPlan };
        return Ec2CostCalculator.Calculate(await WithLivePricesAsync(request, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Starts accruing cost for a launched instance (spot price and reservations looked up once, now).</summary>
    public async Task TrackAsync(Ec2InstanceInfo instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var request = Ec2CostRequest.FromInstance(instance, TimeSpan.Zero) with { SavingsPlan = _savingsPlan };
        _instances[instance.InstanceId] = new Tracked(instance.LaunchTime, await WithLivePricesAsync(request, cancellationToken).ConfigureAwait(false), null);
        if (_defaultThreshold is { } threshold)
        {
            _monitor.SetThreshold(instance.InstanceId, threshold);
        }

        Record([instance.InstanceId]);
    }

    /// <summary>Stops accruing at <paramref name="terminatedAt"/>; the figure stays available.</summary>
    public void MarkTerminated(string instanceId, DateTimeOffset terminatedAt)
    {
        if (_instances.TryGetValue(instanceId, out var tracked))
        {
            _instances[instanceId] = tracked with { TerminatedAt = terminatedAt };
            Record([instanceId]);
        }
    }

    /// <summary>The accrued cost from launch to now (or termination), per-second billed (FR-059); null when not tracked or no price is known.</summary>
    public Ec2CostBreakdown? CalculateRunningCost(string instanceId)
    {
        if (!_instances.TryGetValue(instanceId, out var tracked))
        {
            return null;
        }

        var end = tracked.TerminatedAt ?? _time.GetUtcNow();
        var duration = end > tracked.LaunchTime ? end - tracked.LaunchTime : TimeSpan.Zero;
        return Ec2CostCalculator.TryCalculate(tracked.Request with { Duration = duration });
    }

    /// <summary>Same as <see cref="CalculateRunningCost"/>, for implementations that read persisted figures.</summary>
    public Task<Ec2CostBreakdown?> GetAccumulatedCostAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(CalculateRunningCost(instanceId));

    /// <summary>Sets (or replaces, re-arming it) the alert threshold of an instance in USD (FR-060).</summary>
    public void SetCostAlertThreshold(string instanceId, decimal threshold) => _monitor.SetThreshold(instanceId, threshold);

    /// <summary>Checks every tracked instance against its threshold now and records running ones; the timer calls this, tests may too.</summary>
    public void CheckAlerts()
    {
        var now = _time.GetUtcNow();
        foreach (var id in _instances.Keys)
        {
            if (CalculateRunningCost(id) is { } cost && _monitor.Observe(id, cost.TotalCost, cost.Duration, now) is { } alert)
            {
                CostAlert?.Invoke(this, alert);
            }
        }

        Record([.. _instances.Where(i => i.Value.TerminatedAt is null).Select(i => i.Key)]);
    }

    // A timer callback that throws ends the process: an alert subscriber or a figure that fails to compute is logged.
    private void CheckAlertsFromTimer()
    {
        try
        {
            CheckAlerts();
        }
        catch (Exception ex)
        {
            Ec2CostLog.CheckFailed(_logger, ex);
        }
    }

    /// <summary>The record of an instance's accrued cost as of now (or its termination); null when not tracked.</summary>
    public Ec2CostRecord? ToRecord(string instanceId)
    {
        if (!_instances.TryGetValue(instanceId, out var tracked) || CalculateRunningCost(instanceId) is not { } cost)
        {
            return null;
        }

        return new Ec2CostRecord
        {
            InstanceId = instanceId,
            InstanceType = tracked.Request.InstanceType,
            Region = tracked.Request.Region,
            AvailabilityZone = tracked.Request.AvailabilityZone,
            Lifecycle = tracked.Request.IsSpot ? Ec2InstanceLifecycle.Spot : Ec2InstanceLifecycle.OnDemand,
            Discount = cost.Discount,
            InstanceHourlyRate = cost.InstanceHourlyRate,
            HourlyRate = cost.HourlyRate,
            LaunchTime = tracked.LaunchTime,
            LastSeen = tracked.TerminatedAt ?? _time.GetUtcNow(),
            TerminatedAt = tracked.TerminatedAt,
            AccruedCost = cost.TotalCost,
        };
    }

    /// <summary>Waits until every record queued so far has been handed to the ledger.</summary>
    public Task FlushAsync()
    {
        lock (_ledgerGate)
        {
            return _ledgerWrites;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    /// <summary>Stops the timer, records every tracked instance once more and waits for the ledger.</summary>
    public async ValueTask DisposeAsync()
    {
        _timer.Dispose();
        Record([.. _instances.Keys]);
        await FlushAsync().ConfigureAwait(false);
    }

    private void Record(IReadOnlyList<string> instanceIds)
    {
        if (_ledger is null || instanceIds.Count == 0)
        {
            return;
        }

        var records = instanceIds.Select(ToRecord).OfType<Ec2CostRecord>().ToList();
        lock (_ledgerGate)
        {
            _ledgerWrites = WriteAfterAsync(_ledgerWrites, _ledger, records);
        }
    }

    private static async Task WriteAfterAsync(Task previous, IEc2CostLedger ledger, IReadOnlyList<Ec2CostRecord> records)
    {
        // Writes are chained so a later snapshot never lands before an earlier one.
        await previous.ConfigureAwait(false);
        try
        {
            await ledger.RecordAsync(records, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The ledger reports its own failures; a bookkeeping error must not break the run or later writes.
        }
    }

    private async Task<Ec2CostRequest> WithLivePricesAsync(Ec2CostRequest request, CancellationToken cancellationToken)
    {
        request = await Ec2ListPrices.FillAsync(request, _listPrices, cancellationToken).ConfigureAwait(false);
        if (_prices is null)
        {
            return request;
        }

        if (request.IsSpot)
        {
            var spot = await _prices.GetSpotPriceAsync(request.InstanceType, request.Region, request.AvailabilityZone, cancellationToken).ConfigureAwait(false);
            return request with { SpotHourlyRate = spot };
        }

        var reservations = await _prices.GetReservedInstancesAsync(request.Region, cancellationToken).ConfigureAwait(false);
        return request with { ReservedInstances = reservations };
    }

    private sealed record Tracked(DateTimeOffset LaunchTime, Ec2CostRequest Request, DateTimeOffset? TerminatedAt);
}
