using Amazon.Runtime.CredentialManagement;

namespace Acode.Infrastructure.Compute.Ec2.Credentials;

/// <summary>
/// Picks the AWS region: explicit configuration, then <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>, then the
/// profile's <c>region</c>. Deliberately not the SDK's fallback, which would also ask the instance metadata service
/// and wait on it when acode does not run on EC2.
/// </summary>
public static class AwsRegionResolver
{
    /// <summary>Resolves the region.</summary>
    /// <param name="explicitRegion">The configured region, if any.</param>
    /// <param name="profile">The explicit profile, if any; otherwise <c>AWS_PROFILE</c>, else <c>default</c>.</param>
    /// <returns>The region's system name, e.g. <c>eu-west-1</c>.</returns>
    /// <exception cref="AwsRegionNotFoundException">No source names a region.</exception>
    public static string Resolve(string? explicitRegion, string? profile)
    {
        foreach (var candidate in new[] { explicitRegion, Environment.GetEnvironmentVariable("AWS_REGION"), Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") })
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                return candidate.Trim();
            }
        }

        var profileName = profile ?? Environment.GetEnvironmentVariable("AWS_PROFILE");
        profileName = string.IsNullOrWhiteSpace(profileName) ? "default" : profileName.Trim();
        if (new CredentialProfileStoreChain().TryGetProfile(profileName, out var found) && found.Region is { } region)
        {
            return region.SystemName;
        }

        throw new AwsRegionNotFoundException(
            $"No AWS region configured. Tried: ec2Target.region; AWS_REGION; AWS_DEFAULT_REGION; region of profile '{profileName}'. "
            + "Fix: set ec2Target.region in the configuration, or export AWS_REGION, or add 'region = ...' to the profile.");
    }
}
