using Amazon.Runtime;

namespace Acode.Infrastructure.Compute.Ec2.Credentials;

/// <summary>
/// Credentials the AWS SDK resolved, with the region and a description of where they came from. Pass
/// <see cref="Credentials"/> to <see cref="Ec2ClientFactory"/>; show <see cref="ToString"/> to users.
/// </summary>
/// <remarks>A class, not a record: a generated <c>ToString</c> must not walk into the credentials object.</remarks>
public sealed class ResolvedAwsCredentials
{
    /// <summary>Initializes a new instance of the <see cref="ResolvedAwsCredentials"/> class.</summary>
    public ResolvedAwsCredentials(AWSCredentials credentials, string region, AwsCredentialSource source, string sourceDescription, string accessKeyIdHint)
    {
        Credentials = credentials;
        Region = region;
        Source = source;
        SourceDescription = sourceDescription;
        AccessKeyIdHint = accessKeyIdHint;
    }

    /// <summary>Gets the SDK credentials object (refreshes itself where the source supports it). Secret.</summary>
    public AWSCredentials Credentials { get; }

    /// <summary>Gets the AWS region to talk to, e.g. <c>us-east-1</c>.</summary>
    public string Region { get; }

    /// <summary>Gets the kind of source the credentials came from.</summary>
    public AwsCredentialSource Source { get; }

    /// <summary>Gets a human description of the source, e.g. <c>profile 'dev' from the shared config files</c>.</summary>
    public string SourceDescription { get; }

    /// <summary>Gets the last four characters of the access key id, masked (<c>****WXYZ</c>), to tell keys apart.</summary>
    public string AccessKeyIdHint { get; }

    /// <summary>Describes source, key hint and region; no secret.</summary>
    public override string ToString() => $"{SourceDescription}, access key {AccessKeyIdHint}, region {Region}";
}
