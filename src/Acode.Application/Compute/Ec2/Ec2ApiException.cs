using Acode.Domain;

namespace Acode.Application.Compute.Ec2;

/// <summary>An EC2 call failed with an error acode has no more specific exception for.</summary>
public class Ec2ApiException : AcodeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The EC2 action, e.g. <c>RunInstances</c>.</param>
    /// <param name="awsErrorCode">AWS's error code, e.g. <c>UnauthorizedOperation</c>.</param>
    /// <param name="requestId">AWS's request id, for AWS support.</param>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The SDK's exception.</param>
    public Ec2ApiException(string operation, string awsErrorCode, string? requestId, string message, Exception? innerException = null)
        : base($"{operation} failed with {awsErrorCode}{(requestId is null ? string.Empty : $" (request {requestId})")}: {message}", innerException)
    {
        Operation = operation;
        AwsErrorCode = awsErrorCode;
        RequestId = requestId;
    }

    /// <summary>The EC2 action that failed.</summary>
    public string Operation { get; }

    /// <summary>AWS's error code.</summary>
    public string AwsErrorCode { get; }

    /// <summary>AWS's request id, when known.</summary>
    public string? RequestId { get; }
}
