namespace Acode.Domain.Compute.Ec2.Events;

/// <summary>TerminateInstances was accepted for an acode instance.</summary>
/// <param name="InstanceId">The instance id.</param>
/// <param name="RunDuration">From launch to termination.</param>
/// <param name="EstimatedCost">The total cost of the run, every component included, unrounded USD; null when no price is known ("cost unknown").</param>
/// <param name="TerminatedAt">When termination was requested.</param>
public sealed record Ec2InstanceTerminatingEvent(
    string InstanceId,
    TimeSpan RunDuration,
    decimal? EstimatedCost,
    DateTimeOffset TerminatedAt);
