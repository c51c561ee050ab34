using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Domain;
using Acode.Infrastructure.Compute.Ec2.Credentials;

namespace Acode.Cli.Errors;

/// <summary>Maps every exception type to its exit code and message, in one place.</summary>
public static class ExitCodeMapper
{
    // AWS error codes that mean the caller's identity was refused rather than the launch.
    private static readonly HashSet<string> CredentialErrorCodes = new(StringComparer.Ordinal)
    {
        "AuthFailure", "UnauthorizedOperation", "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "RequestExpired",
        // The same refusals as SSM and STS (JSON and query protocols) word them.
        "InvalidSignatureException", "UnrecognizedClientException", "IncompleteSignature", "InvalidAccessKeyId", "MissingAuthenticationToken", "ExpiredTokenException",
    };

    /// <summary>The exit code and message for <paramref name="exception"/>.</summary>
    /// <param name="exception">What was thrown.</param>
    /// <param name="cancelled">True when the run's cancellation token (Ctrl-C, SIGTERM) was signalled.</param>
    public static CliError Map(Exception exception, bool cancelled)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            OperationCanceledException when cancelled => new(ExitCodes.Interrupted, "Interrupted."),
            UsageException or Ec2ConfigurationException or InvalidConfigurationException or Ec2PriceUnknownException or AwsRegionNotFoundException
                => new(ExitCodes.Usage, exception.Message),
            ModeViolationException => new(ExitCodes.ModeViolation, exception.Message),
            Ec2CredentialsException or AwsCredentialsNotFoundException => new(ExitCodes.Credentials, exception.Message),
            Ec2ApiException api when CredentialErrorCodes.Contains(api.AwsErrorCode) => new(ExitCodes.Credentials, exception.Message),
            Ec2CapacityException or Ec2ApiException => new(ExitCodes.CapacityOrLaunch, exception.Message),
            Ec2ProvisioningTimeoutException or SshReadyTimeoutException or TimeoutException => new(ExitCodes.Timeout, exception.Message),
            Amazon.Runtime.AmazonServiceException aws when CredentialErrorCodes.Contains(aws.ErrorCode ?? string.Empty) => new(ExitCodes.Credentials, exception.Message),
            AcodeException => new(ExitCodes.Failure, exception.Message),
            _ => new(ExitCodes.Failure, $"Unexpected error ({exception.GetType().Name}): {exception.Message}"),
        };
    }
}
