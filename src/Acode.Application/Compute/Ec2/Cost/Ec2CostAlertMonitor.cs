using Acode.Domain.Compute.Ec2.Events;

namespace Acode.Application.Compute.Ec2.Cost;

/// <summary>
/// Decides when a cost alert fires (FR-060): once when an instance's accrued cost reaches its threshold, and again
/// only after it was seen below the threshold (a raised threshold, or a new threshold set) and crosses once more.
/// Thread-safe; holds no clock: callers pass the time they observed.
/// </summary>
public sealed class Ec2CostAlertMonitor
{
    private readonly Dictionary<string, (decimal Threshold, bool Armed)> _alerts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Sets or replaces the threshold of an instance and arms it.</summary>
    public void SetThreshold(string instanceId, decimal threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        lock (_gate)
        {
            _alerts[instanceId] = (threshold, true);
        }
    }

    /// <summary>Forgets an instance.</summary>
    public void Remove(string instanceId)
    {
        lock (_gate)
        {
            _alerts.Remove(instanceId);
        }
    }

    /// <summary>Records an observed accrued cost; returns the alert when this observation is a crossing, else null.</summary>
    public Ec2CostAlertEvent? Observe(string instanceId, decimal accruedCost, TimeSpan runDuration, DateTimeOffset observedAt)
    {
        lock (_gate)
        {
            if (!_alerts.TryGetValue(instanceId, out var alert))
            {
                return null;
            }

            if (accruedCost < alert.Threshold)
            {
                _alerts[instanceId] = (alert.Threshold, true);
                return null;
            }

            if (!alert.Armed)
            {
                return null;
            }

            _alerts[instanceId] = (alert.Threshold, false);
            return new Ec2CostAlertEvent(instanceId, accruedCost, alert.Threshold, runDuration, observedAt);
        }
    }
}
