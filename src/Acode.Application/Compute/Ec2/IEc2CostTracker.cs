using Acode.Domain.Compute.Ec2;
using Acode.Domain.Compute.Ec2.Cost;
using Acode.Domain.Compute.Ec2.Events;

namespace Acode.Application.Compute.Ec2;

/// <summary>
/// Prices, estimates and accrued cost per instance (FR-054..060). Changed from the sketch: every figure is an
/// <see cref="Ec2CostBreakdown"/> with all components and the discount applied, running cost needs the instance's
/// context (region, AZ, volume, addresses, spot), and alerts are raised as <see cref="CostAlert"/> events.
/// </summary>
public interface IEc2CostTracker
{
    /// <summary>Raised once each time an instance's accrued cost crosses its threshold.</summary>
    event EventHandler<Ec2CostAlertEvent>? CostAlert;

    /// <summary>Unit prices of a type in a region (live spot for the AZ when available).</summary>
    Task<Ec2PricingInfo> GetPricingAsync(string instanceType, string region, string? availabilityZone = null, CancellationToken cancellationToken = default);

    /// <summary>The estimate before launch for a run of <paramref name="expectedDuration"/> (FR-056..058).</summary>
    Task<Ec2CostBreakdown> EstimateAsync(Ec2Configuration configuration, TimeSpan expectedDuration, CancellationToken cancellationToken = default);

    /// <summary>Starts accruing cost for a launched instance (spot price and reservations looked up once, now).</summary>
    Task TrackAsync(Ec2InstanceInfo instance, CancellationToken cancellationToken = default);

    /// <summary>Stops accruing at <paramref name="terminatedAt"/>; the figure stays available.</summary>
    void MarkTerminated(string instanceId, DateTimeOffset terminatedAt);

    /// <summary>The accrued cost from launch to now (or termination), per-second billed (FR-059); null when not tracked or no price is known.</summary>
    Ec2CostBreakdown? CalculateRunningCost(string instanceId);

    /// <summary>Same as <see cref="CalculateRunningCost"/>, for implementations that read persisted figures.</summary>
    Task<Ec2CostBreakdown?> GetAccumulatedCostAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Sets (or replaces, re-arming it) the alert threshold of an instance in USD (FR-060).</summary>
    void SetCostAlertThreshold(string instanceId, decimal threshold);
}
