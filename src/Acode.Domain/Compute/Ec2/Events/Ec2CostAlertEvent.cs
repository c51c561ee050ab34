namespace Acode.Domain.Compute.Ec2.Events;

/// <summary>An instance's accrued cost crossed its alert threshold; raised once per crossing (FR-060).</summary>
/// <param name="InstanceId">The instance id.</param>
/// <param name="CurrentCost">The accrued cost when the crossing was seen, unrounded USD.</param>
/// <param name="Threshold">The threshold crossed.</param>
/// <param name="RunDuration">From launch to the check.</param>
/// <param name="AlertedAt">When the crossing was seen.</param>
public sealed record Ec2CostAlertEvent(
    string InstanceId,
    decimal CurrentCost,
    decimal Threshold,
    TimeSpan RunDuration,
    DateTimeOffset AlertedAt);
