namespace Acode.Domain.Compute.Ec2.Events;

/// <summary>
/// Spot could not be had (every configured spot type failed, or a spot instance was interrupted) and acode falls back
/// to on-demand (FR-052), so the user sees why the bill is higher than the spot estimate.
/// </summary>
/// <param name="InstanceType">The on-demand type that will be launched.</param>
/// <param name="Region">The region.</param>
/// <param name="AwsErrorCodes">The AWS error code of each spot attempt, in order (e.g. <c>InsufficientInstanceCapacity</c>).</param>
/// <param name="OnDemandHourlyRate">The on-demand $/h now paid instead.</param>
/// <param name="OccurredAt">When the fallback was decided.</param>
public sealed record Ec2SpotFallbackEvent(
    string InstanceType,
    string Region,
    IReadOnlyList<string> AwsErrorCodes,
    decimal OnDemandHourlyRate,
    DateTimeOffset OccurredAt);
