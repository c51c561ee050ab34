namespace Acode.Domain.Compute.Ec2.Events;

/// <summary>AWS gave a spot interruption notice (or reported an interruption) for an instance in use.</summary>
/// <param name="InstanceId">The instance id.</param>
/// <param name="InterruptionReason">The notice's action or EC2's state reason, e.g. <c>terminate</c>.</param>
/// <param name="InterruptionTime">When AWS will (or did) interrupt.</param>
/// <param name="WillFallbackToOnDemand">True when an on-demand replacement will be provisioned.</param>
public sealed record Ec2SpotInterruptionEvent(
    string InstanceId,
    string InterruptionReason,
    DateTimeOffset InterruptionTime,
    bool WillFallbackToOnDemand);
