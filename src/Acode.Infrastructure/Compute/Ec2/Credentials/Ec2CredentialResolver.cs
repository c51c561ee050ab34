using Acode.Application.Compute.Ec2;
using Acode.Infrastructure.Configuration;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Acode.Infrastructure.Compute.Ec2.Credentials;

/// <summary>
/// Resolves AWS credentials and region with the AWS SDK's own machinery (FR-002..005): an explicit profile through
/// <see cref="CredentialProfileStoreChain"/>, otherwise the SDK's default chain
/// (<see cref="DefaultAWSCredentialsIdentityResolver"/>: environment, web identity, shared config/credentials files
/// with <c>AWS_PROFILE</c> / <c>AWS_SHARED_CREDENTIALS_FILE</c> / <c>AWS_CONFIG_FILE</c>, SSO, container, instance
/// metadata). Nothing secret is logged or put in an exception.
/// </summary>
/// <remarks>
/// The credentials are fetched once here, so a chain that only finds a lazy source (the instance role when there is no
/// metadata service) fails now with a clear message instead of on the first EC2 call. The IMDS source honours
/// <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c> (the emulator's IMDS) and <c>AWS_EC2_METADATA_DISABLED=true</c>.
/// </remarks>
public sealed class Ec2CredentialResolver
{
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="Ec2CredentialResolver"/> class.</summary>
    public Ec2CredentialResolver(ILogger<Ec2CredentialResolver>? logger = null)
    {
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Resolves credentials and region.</summary>
    /// <param name="profile">A profile to use instead of the default chain (<c>ec2Target.profile</c>); null for the chain.</param>
    /// <param name="region">An explicit region (<c>ec2Target.region</c>); null to take it from the environment or profile.</param>
    /// <param name="cancellationToken">Cancels resolution (the IMDS and SSO sources make network calls).</param>
    /// <returns>The credentials, region and a secret-free description of the source.</returns>
    /// <exception cref="AwsCredentialsNotFoundException">No source produced credentials.</exception>
    /// <exception cref="AwsRegionNotFoundException">Credentials resolved but no region is configured anywhere.</exception>
    public async Task<ResolvedAwsCredentials> ResolveAsync(string? profile, string? region, CancellationToken cancellationToken = default)
    {
        var explicitProfile = string.IsNullOrWhiteSpace(profile) ? null : profile.Trim();
        var (credentials, source, description) = explicitProfile is null
            ? await ResolveDefaultChainAsync(cancellationToken).ConfigureAwait(false)
            : ResolveProfile(explicitProfile);

        ImmutableCredentials immutable;
        try
        {
            immutable = await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException or InvalidOperationException)
        {
            throw NotFound(explicitProfile, ex);
        }

        if (string.IsNullOrEmpty(immutable.AccessKey))
        {
            throw NotFound(explicitProfile, null);
        }

        // A caller that passes no region (a library user without the configuration layer) gets the same order.
        var resolvedRegion = string.IsNullOrWhiteSpace(region)
            ? Ec2RegionResolver.Resolve(null, null, explicitProfile, ProcessEnvironment())?.Region
                ?? throw new AwsRegionNotFoundException("No AWS region configured. Fix: " + Ec2Regions.WhereToSetRegion + ".")
            : region.Trim();
        var hint = "****" + immutable.AccessKey[Math.Max(0, immutable.AccessKey.Length - 4)..];
        Ec2Log.CredentialsResolved(_logger, source, description, resolvedRegion);
        return new ResolvedAwsCredentials(credentials, resolvedRegion, source, description, hint);
    }

    private static Dictionary<string, string?> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string, StringComparer.Ordinal);

    private static async Task<(AWSCredentials Credentials, AwsCredentialSource Source, string Description)> ResolveDefaultChainAsync(CancellationToken cancellationToken)
    {
        AWSCredentials credentials;
        try
        {
            // A fresh resolver per call: the process-wide default one caches, and configuration may differ per target.
            IIdentityResolver<AWSCredentials> resolver = new DefaultAWSCredentialsIdentityResolver();
            credentials = await resolver.ResolveIdentityAsync(null!, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException ex)
        {
            throw NotFound(null, ex);
        }

        var (source, description) = AwsCredentialSourceDescriber.Describe(credentials);
        return (credentials, source, description);
    }

    private static (AWSCredentials Credentials, AwsCredentialSource Source, string Description) ResolveProfile(string profile)
    {
        var chain = new CredentialProfileStoreChain();
        if (!chain.TryGetProfile(profile, out var found) || !AWSCredentialsFactory.TryGetAWSCredentials(found, chain, out var credentials))
        {
            throw NotFound(profile, null);
        }

        return (credentials, AwsCredentialSource.ExplicitProfile, $"profile '{profile}' (configured) from the shared config files");
    }

    private static AwsCredentialsNotFoundException NotFound(string? explicitProfile, Exception? inner)
    {
        var sources = explicitProfile is null ? AwsCredentialSourceDescriber.DefaultChainSources() : [$"profile '{explicitProfile}' in {AwsCredentialSourceDescriber.SharedFilesDescription}"];
        var message = "No AWS credentials found. Tried, in order: " + string.Join("; ", sources) + ". "
            + (explicitProfile is null
                ? "Fix: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run 'aws configure' (or 'aws sso login'), or set AWS_PROFILE or ec2Target.profile to a profile that has credentials, or run acode on an instance with an IAM role."
                : $"Fix: add profile '{explicitProfile}' with credentials (run 'aws configure --profile {explicitProfile}' or 'aws sso login --profile {explicitProfile}'), or remove ec2Target.profile to use the default chain.");
        return new AwsCredentialsNotFoundException(message, sources, inner);
    }
}
