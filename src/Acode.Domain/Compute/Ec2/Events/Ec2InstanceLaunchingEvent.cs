namespace Acode.Domain.Compute.Ec2.Events;

/// <summary>RunInstances accepted the request; billing has started.</summary>
/// <param name="InstanceId">The new instance id.</param>
/// <param name="InstanceType">The instance type launched (may differ from the configured one after a spot fallback).</param>
/// <param name="Region">The region.</param>
/// <param name="IsSpot">True when launched as spot.</param>
/// <param name="LaunchedAt">When RunInstances returned.</param>
public sealed record Ec2InstanceLaunchingEvent(
    string InstanceId,
    string InstanceType,
    string Region,
    bool IsSpot,
    DateTimeOffset LaunchedAt);
