using Acode.Domain;

namespace Acode.Application.Compute.Ec2;

/// <summary>No AWS credentials could be resolved. Names the sources tried, never a secret.</summary>
public sealed class Ec2CredentialsException : AcodeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sourcesTried">Each source tried, e.g. "environment (AWS_ACCESS_KEY_ID)", "profile 'dev' in ~/.aws/credentials".</param>
    /// <param name="innerException">The SDK's exception, if any.</param>
    public Ec2CredentialsException(IReadOnlyList<string> sourcesTried, Exception? innerException = null)
        : base(
            "No AWS credentials found. Tried: " + string.Join("; ", sourcesTried)
            + ". Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, run 'aws configure' or 'aws sso login', set ec2Target.profile, or run on an instance with an IAM role.",
            innerException)
    {
        SourcesTried = sourcesTried;
    }

    /// <summary>The credential sources tried, in order.</summary>
    public IReadOnlyList<string> SourcesTried { get; }
}
