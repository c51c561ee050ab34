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
    }

    /// <summary>The instance type asked for.</summary>
    public string InstanceType { get; }

    /// <summary>The AZ, when known.</summary>
    public string? AvailabilityZone { get; }
}
