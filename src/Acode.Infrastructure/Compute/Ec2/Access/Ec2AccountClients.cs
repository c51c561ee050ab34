using Acode.Application.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Credentials;
using Amazon.EC2;
using Amazon.SecurityToken;
using Amazon.SimpleSystemsManagement;

namespace Acode.Infrastructure.Compute.Ec2.Access;

/// <summary>
/// The AWS clients of one account and endpoint, for any region: credentials are resolved once, on first use, and each
/// region's client is made once and disposed with this object. What the instance commands, the orphan sweep and the
/// diagnostics share, so that a command run resolves credentials at most once.
/// </summary>
public sealed class Ec2AccountClients : IDisposable
{
    private readonly Ec2Configuration _configuration;
    private readonly Ec2CredentialResolver _resolver;
    private readonly Ec2ClientFactory _factory;
    private readonly Dictionary<string, IAmazonEC2> _ec2 = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _resolving = new(1, 1);
    private ResolvedAwsCredentials? _credentials;

    /// <summary>Initializes a new instance of the <see cref="Ec2AccountClients"/> class.</summary>
    /// <param name="configuration">The configuration in force (profile, region, endpoint).</param>
    /// <param name="resolver">Resolves credentials on first use.</param>
    /// <param name="factory">Makes the clients.</param>
    /// <param name="explicitCredentials">Credentials to use as they are (e.g. an emulator's); null resolves them.</param>
    public Ec2AccountClients(Ec2Configuration configuration, Ec2CredentialResolver resolver, Ec2ClientFactory factory, ResolvedAwsCredentials? explicitCredentials = null)
    {
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _credentials = explicitCredentials;
    }

    /// <summary>Gets the endpoint every client talks to; null for AWS's regional endpoints.</summary>
    public string? EndpointUrl => _configuration.EndpointUrl?.ToString();

    /// <summary>The credentials (resolved on the first call).</summary>
    /// <exception cref="AwsCredentialsNotFoundException">No source produced credentials.</exception>
    public async Task<ResolvedAwsCredentials> CredentialsAsync(CancellationToken cancellationToken = default)
    {
        if (_credentials is { } known)
        {
            return known;
        }

        await _resolving.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _credentials ??= await _resolver.ResolveAsync(_configuration.Profile, _configuration.Region, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _resolving.Release();
        }
    }

    /// <summary>The EC2 client of <paramref name="region"/> (the credentials' region when null); owned here.</summary>
    public async Task<IAmazonEC2> Ec2Async(string? region = null, CancellationToken cancellationToken = default)
    {
        var credentials = await CredentialsAsync(cancellationToken).ConfigureAwait(false);
        var name = string.IsNullOrWhiteSpace(region) ? credentials.Region : region;
        lock (_gate)
        {
            if (!_ec2.TryGetValue(name, out var client))
            {
                client = _factory.CreateEc2(credentials.Credentials, name, EndpointUrl);
                _ec2[name] = client;
            }

            return client;
        }
    }

    /// <summary>A new EC2 client of <paramref name="region"/>; the caller disposes it.</summary>
    public async Task<IAmazonEC2> CreateEc2Async(string region, CancellationToken cancellationToken = default)
    {
        var credentials = await CredentialsAsync(cancellationToken).ConfigureAwait(false);
        return _factory.CreateEc2(credentials.Credentials, region, EndpointUrl);
    }

    /// <summary>A new SSM client of the credentials' region; the caller disposes it.</summary>
    public async Task<IAmazonSimpleSystemsManagement> CreateSsmAsync(CancellationToken cancellationToken = default)
    {
        var credentials = await CredentialsAsync(cancellationToken).ConfigureAwait(false);
        return _factory.CreateSsm(credentials.Credentials, credentials.Region, EndpointUrl);
    }

    /// <summary>A new STS client of the credentials' region; the caller disposes it.</summary>
    public async Task<IAmazonSecurityTokenService> CreateStsAsync(CancellationToken cancellationToken = default)
    {
        var credentials = await CredentialsAsync(cancellationToken).ConfigureAwait(false);
        return _factory.CreateSts(credentials.Credentials, credentials.Region, EndpointUrl);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var client in _ec2.Values)
            {
                client.Dispose();
            }

            _ec2.Clear();
        }

        _resolving.Dispose();
    }
}
