namespace Acode.Application.Compute.Ec2.Spot;

/// <summary>A launch attempt EC2 refused for capacity or price, with AWS's error code and request id.</summary>
/// <param name="Attempt">The attempt.</param>
/// <param name="AwsErrorCode">E.g. <c>InsufficientInstanceCapacity</c>, <c>SpotMaxPriceTooLow</c>.</param>
/// <param name="Message">AWS's message (names prices and zones, never secrets).</param>
/// <param name="RequestId">AWS's request id, when known.</param>
public sealed record LaunchFailure(LaunchAttempt Attempt, string AwsErrorCode, string Message, string? RequestId);
