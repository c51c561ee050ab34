using Acode.Application.Compute.Ec2;
using Amazon.Runtime;

namespace Acode.Infrastructure.Compute.Ec2;

/// <summary>Turns the SDK's service exceptions into acode's typed ones, keeping AWS's error code and request id.</summary>
internal static class Ec2Errors
{
    /// <summary>Whether the exception carries the AWS error <paramref name="code"/>.</summary>
    public static bool Is(Exception exception, string code) =>
        exception is AmazonServiceException service && string.Equals(service.ErrorCode, code, StringComparison.Ordinal);

    /// <summary>Whether the resource the call was about is already gone (idempotent deletes).</summary>
    public static bool IsAlreadyGone(Exception exception) =>
        exception is AmazonServiceException service && AwsErrorCodes.IsAlreadyGone(service.ErrorCode);

    /// <summary>The typed exception for a failed call.</summary>
    public static Exception Translate(AmazonServiceException exception, string operation, string? instanceType = null)
    {
        var code = exception.ErrorCode ?? exception.StatusCode.ToString();
        if (instanceType is not null && AwsErrorCodes.IsCapacity(code))
        {
            return new Ec2CapacityException(code, instanceType, null, exception.RequestId, exception);
        }

        return new Ec2ApiException(operation, code, exception.RequestId, exception.Message, exception);
    }
}
