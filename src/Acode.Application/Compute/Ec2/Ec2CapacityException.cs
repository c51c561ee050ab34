using Acode.Application.Compute.Ec2.Spot;

namespace Acode.Application.Compute.Ec2;

/// <summary>EC2 had no capacity (or no spot at the price) for the type in the AZ, and no fallback applied.</summary>
public sealed class Ec2CapacityException : Ec2ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="awsErrorCode">E.g. <c>InsufficientInstanceCapacity</c> or <c>SpotMaxPriceTooLow</c>.</param>
    /// <param name="instanceType">The instance type asked for.</param>
    /// <param name="availabilityZone">The AZ, when known.</param>
    /// <param name="requestId">AWS's request id.</param>
    /// <param name="innerException">The SDK's exception.</param>
    public Ec2CapacityException(string awsErrorCode, string instanceType, string? availabilityZone, string? requestId = null, Exception? innerException = null)
        : base(
            "RunInstances",
            awsErrorCode,
            requestId,
            $"no capacity for {instanceType} in {availabilityZone ?? "the chosen zone"}. Try another instance type (spotInstanceTypes), another subnet/AZ, "
            + "on-demand (spotEnabled: false), or spotFallbackToOnDemand: true.",
            innerException)
    {
        InstanceType = instanceType;
        AvailabilityZone = availabilityZone;
        Failures = [];
    }

    /// <summary>Creates the exception for a whole launch plan whose every attempt was refused (FR-052).</summary>
    /// <param name="failures">Every attempt's failure, in order; at least one.</param>
    /// <param name="availabilityZone">The AZ, when known.</param>
    /// <param name="fallbackDisabled">True when on-demand was not tried because <c>spotFallbackToOnDemand</c> is false.</param>
    /// <param name="innerException">The last attempt's SDK exception.</param>
    public Ec2CapacityException(IReadOnlyList<LaunchFailure> failures, string? availabilityZone, bool fallbackDisabled, Exception? innerException = null)
        : base(
            "RunInstances",
            Last(failures).AwsErrorCode,
            Last(failures).RequestId,
            $"every launch attempt was refused{(availabilityZone is null ? failures.Any(f => f.Attempt.AvailabilityZone is not null) ? string.Empty : " in the chosen zone" : " in " + availabilityZone)}: "
            + string.Join("; ", failures.Select(f => $"{f.Attempt}: {f.AwsErrorCode}"))
            + (fallbackDisabled
                ? ". spotFallbackToOnDemand is false, so on-demand was not tried: set it to true, raise spotMaxPrice, or add spotInstanceTypes."
                : ". Try other instance types (instanceTypes, spotInstanceTypes), other subnets (subnets), or later."),
            innerException)
    {
        InstanceType = Last(failures).Attempt.InstanceType;
        AvailabilityZone = availabilityZone;
        Failures = failures;
    }

    /// <summary>The instance type asked for (of the last attempt).</summary>
    public string InstanceType { get; }

    /// <summary>The AZ, when known.</summary>
    public string? AvailabilityZone { get; }

    /// <summary>Every refused attempt with its AWS error code, in order; empty when built from a single error.</summary>
    public IReadOnlyList<LaunchFailure> Failures { get; }

    private static LaunchFailure Last(IReadOnlyList<LaunchFailure> failures) =>
        failures is { Count: > 0 } ? failures[^1] : throw new ArgumentException("At least one failure is required.", nameof(failures));
}
