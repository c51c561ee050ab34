using Acode.Domain;

namespace Acode.Infrastructure.Compute.Ec2.Credentials;

/// <summary>
/// No AWS credentials could be resolved. The message lists every source tried, in order, and how to provide one;
/// it never contains a secret (FR-002..005, NFR-010).
/// </summary>
public sealed class AwsCredentialsNotFoundException : AcodeException
{
    /// <summary>Initializes a new instance of the <see cref="AwsCredentialsNotFoundException"/> class.</summary>
    /// <param name="message">What was tried and how to fix it.</param>
    /// <param name="sourcesTried">The sources tried, in order.</param>
    /// <param name="innerException">The SDK's error, kept for diagnostics.</param>
    public AwsCredentialsNotFoundException(string message, IReadOnlyList<string> sourcesTried, Exception? innerException)
        : base(message, innerException)
    {
        SourcesTried = sourcesTried;
    }

    /// <summary>Gets the credential sources tried, in order.</summary>
    public IReadOnlyList<string> SourcesTried { get; }
}
