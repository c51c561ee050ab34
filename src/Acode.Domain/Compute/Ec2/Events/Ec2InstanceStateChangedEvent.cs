namespace Acode.Domain.Compute.Ec2.Events;

/// <summary>A polled instance changed state (FR-061..065).</summary>
/// <param name="InstanceId">The instance id.</param>
/// <param name="PreviousState">The state seen before.</param>
/// <param name="CurrentState">The state seen now.</param>
/// <param name="StateReason">EC2's state reason, when it gives one.</param>
/// <param name="ObservedAt">When the change was seen.</param>
public sealed record Ec2InstanceStateChangedEvent(
    string InstanceId,
    Ec2InstanceState PreviousState,
    Ec2InstanceState CurrentState,
    string? StateReason,
    DateTimeOffset ObservedAt);
