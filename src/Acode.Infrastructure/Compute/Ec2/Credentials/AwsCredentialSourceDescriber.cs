using Amazon.Runtime;

namespace Acode.Infrastructure.Compute.Ec2.Credentials;

/// <summary>
/// Tells which link of the SDK's default chain produced a credentials object, from its type (the SDK exposes no other
/// record of it), and lists the chain's links for error messages.
/// </summary>
internal static class AwsCredentialSourceDescriber
{
    /// <summary>Where the shared config files are looked for.</summary>
    public const string SharedFilesDescription =
        "the shared config/credentials files (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, default ~/.aws/config and ~/.aws/credentials)";

    private const string InstanceMetadataDescription = "IAM role from the EC2 instance metadata service";

    /// <summary>The default chain's sources in the order the SDK tries them (read now: AWS_PROFILE may change).</summary>
    public static IReadOnlyList<string> DefaultChainSources() =>
    [
        "environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN)",
        "web identity (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN)",
        $"profile '{CurrentProfileName()}' (AWS_PROFILE, else 'default'; static keys, SSO, assume-role, credential_process) in {SharedFilesDescription}",
        "container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / _FULL_URI)",
        "EC2 instance metadata IAM role (IMDS; off when AWS_EC2_METADATA_DISABLED=true)",
    ];

    /// <summary>Classifies credentials returned by the default chain.</summary>
    public static (AwsCredentialSource Source, string Description) Describe(AWSCredentials credentials) => credentials switch
    {
        EnvironmentVariablesAWSCredentials => (AwsCredentialSource.Environment, "environment variables (AWS_ACCESS_KEY_ID)"),
        AssumeRoleWithWebIdentityCredentials => (AwsCredentialSource.WebIdentity, "web identity token (AWS_WEB_IDENTITY_TOKEN_FILE)"),
        SSOAWSCredentials => (AwsCredentialSource.Sso, $"SSO profile '{CurrentProfileName()}'"),
        GenericContainerCredentials => (AwsCredentialSource.Container, "container credentials endpoint"),
        // The chain's own instance-role type is internal to the SDK, so it is recognised by name.
        InstanceProfileAWSCredentials => (AwsCredentialSource.InstanceMetadata, InstanceMetadataDescription),
        _ when credentials.GetType().Name == "DefaultInstanceProfileAWSCredentials" => (AwsCredentialSource.InstanceMetadata, InstanceMetadataDescription),
        _ => (AwsCredentialSource.Profile, $"profile '{CurrentProfileName()}' from the shared config files"),
    };

    private static string CurrentProfileName()
    {
        var name = Environment.GetEnvironmentVariable("AWS_PROFILE");
        return string.IsNullOrWhiteSpace(name) ? "default" : name.Trim();
    }
}
