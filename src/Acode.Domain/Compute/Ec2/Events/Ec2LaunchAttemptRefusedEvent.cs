namespace Acode.Domain.Compute.Ec2.Events;

/// <summary>
/// One launch attempt was refused for capacity (capacity-aware launch, issue 13): the type had no capacity or is not
/// offered in that AZ, and acode moves on to <see cref="NextAttempt"/> (another AZ, then another type).
/// </summary>
/// <param name="Attempt">The refused attempt, e.g. <c>on-demand m5.large in us-east-1a</c>.</param>
/// <param name="InstanceType">Its instance type.</param>
/// <param name="AvailabilityZone">Its AZ, when the attempt named one.</param>
/// <param name="AwsErrorCode">EC2's error code, e.g. <c>InsufficientInstanceCapacity</c> or <c>Unsupported</c>.</param>
/// <param name="NextAttempt">What is tried next; null when this was the last attempt.</param>
/// <param name="OccurredAt">When the refusal came back.</param>
public sealed record Ec2LaunchAttemptRefusedEvent(
    string Attempt,
    string InstanceType,
    string? AvailabilityZone,
    string AwsErrorCode,
    string? NextAttempt,
    DateTimeOffset OccurredAt);
