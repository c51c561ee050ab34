using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Application.Compute.Ssh;
using Acode.Domain;
using Acode.Infrastructure.Compute.Ec2.Credentials;
using Amazon.Runtime;

namespace Acode.Cli.Errors;

/// <summary>
/// Maps every exception type to its exit code and message, in one place. Messages are for people: no .NET type or
/// exception name; an AWS error code keeps its code and gets the hint of <see cref="AwsErrorHints"/>.
/// </summary>
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
            Ec2CapacityException => new(ExitCodes.CapacityOrLaunch, exception.Message),
            Ec2ApiException api when CredentialErrorCodes.Contains(api.AwsErrorCode) => new(ExitCodes.Credentials, WithHint(exception.Message, api.AwsErrorCode)),
            Ec2ApiException api => new(ExitCodes.CapacityOrLaunch, WithHint(exception.Message, api.AwsErrorCode)),
            AmazonServiceException aws when CredentialErrorCodes.Contains(aws.ErrorCode ?? string.Empty) => new(ExitCodes.Credentials, Aws(aws)),
            AmazonServiceException aws => new(ExitCodes.Failure, Aws(aws)),
            Ec2ProvisioningTimeoutException or SshReadyTimeoutException or TimeoutException => new(ExitCodes.Timeout, exception.Message),
            SshConnectionException => new(ExitCodes.Failure, "SSH connection failed: " + exception.Message),
            AcodeException => new(ExitCodes.Failure, exception.Message),
            FileNotFoundException { FileName: { } file } => new(ExitCodes.Failure, $"No such file: {file}."),
            IOException or UnauthorizedAccessException => new(ExitCodes.Failure, "A file or folder could not be used: " + exception.Message),
            _ => new(ExitCodes.Failure, $"acode failed unexpectedly: {exception.Message} Run again with --verbose for the details."),
        };
    }

    // A call acode did not wrap: say it was AWS, with the code and request id AWS support asks for.
    private static string Aws(AmazonServiceException exception)
    {
        var code = exception.ErrorCode ?? ((int)exception.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = exception.RequestId is { Length: > 0 } id ? $", request {id}" : string.Empty;
        return WithHint($"AWS refused the request ({code}{request}): {exception.Message}", code);
    }

    private static string WithHint(string message, string? code) =>
        AwsErrorHints.For(code) is { } hint ? $"{message.TrimEnd()} Fix: {hint}." : message;
}
