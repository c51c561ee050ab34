using Acode.Infrastructure.Compute.Ec2.Credentials;
using Amazon.Runtime;

namespace Acode.Infrastructure.Compute.Ec2.Access;

/// <summary>Fixed credentials that bypass the SDK's chain, e.g. a local emulator's test key (never a real secret from configuration).</summary>
public static class Ec2StaticCredentials
{
    /// <summary>Wraps an access key id and secret as <see cref="ResolvedAwsCredentials"/> for <paramref name="region"/>.</summary>
    /// <param name="accessKeyId">The access key id.</param>
    /// <param name="secretAccessKey">The secret; kept only inside the SDK credentials object.</param>
    /// <param name="region">The region the clients sign for.</param>
    /// <param name="description">Where they come from, shown to users (e.g. <c>the in-process emulator's test key</c>).</param>
    public static ResolvedAwsCredentials Create(string accessKeyId, string secretAccessKey, string region, string description)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        var hint = "****" + accessKeyId[Math.Max(0, accessKeyId.Length - 4)..];
        return new ResolvedAwsCredentials(new BasicAWSCredentials(accessKeyId, secretAccessKey), region, AwsCredentialSource.Environment, description, hint);
    }
}
