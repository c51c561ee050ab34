using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Acode.Infrastructure.Compute.Ec2;

/// <summary>
/// Creates the AWS clients the EC2 target uses (EC2, SSM for the public AMI parameters, STS for
/// <c>GetCallerIdentity</c>), all with the same credentials, region, optional endpoint and retry policy.
/// </summary>
/// <remarks>
/// Retries use the SDK's <see cref="RequestRetryMode.Standard"/> mode, forced even when a profile asks for adaptive:
/// adaptive mode under persistent throttling was measured waiting 13-25 s and then throwing (PLATFORM.md). An endpoint
/// URL works like <c>aws --endpoint-url</c>: it replaces the regional endpoint and the region still signs the requests.
/// The caller owns (disposes) each client.
/// </remarks>
public sealed class Ec2ClientFactory
{
    /// <summary>The default per-request HTTP timeout: generous for RunInstances, short enough to notice a dead endpoint.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _requestTimeout;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="Ec2ClientFactory"/> class.</summary>
    /// <param name="requestTimeout">Per-request HTTP timeout; <see cref="DefaultRequestTimeout"/> when null.</param>
    /// <param name="logger">Optional logger.</param>
    public Ec2ClientFactory(TimeSpan? requestTimeout = null, ILogger<Ec2ClientFactory>? logger = null)
    {
        _requestTimeout = requestTimeout ?? DefaultRequestTimeout;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Creates an EC2 client.</summary>
    /// <param name="credentials">Credentials, e.g. from <c>Ec2CredentialResolver</c>.</param>
    /// <param name="region">The region, e.g. <c>us-east-1</c>.</param>
    /// <param name="endpointUrl">An endpoint such as the emulator's <c>http://127.1.2.3:PORT</c>; null for AWS.</param>
    public IAmazonEC2 CreateEc2(AWSCredentials credentials, string region, string? endpointUrl = null) =>
        new AmazonEC2Client(credentials, Configure(new AmazonEC2Config(), "ec2", region, endpointUrl));

    /// <summary>Creates an SSM client (public AMI parameters).</summary>
    /// <inheritdoc cref="CreateEc2" path="/param"/>
    public IAmazonSimpleSystemsManagement CreateSsm(AWSCredentials credentials, string region, string? endpointUrl = null) =>
        new AmazonSimpleSystemsManagementClient(credentials, Configure(new AmazonSimpleSystemsManagementConfig(), "ssm", region, endpointUrl));

    /// <summary>Creates an STS client (who am I: <c>acode target test</c>).</summary>
    /// <inheritdoc cref="CreateEc2" path="/param"/>
    public IAmazonSecurityTokenService CreateSts(AWSCredentials credentials, string region, string? endpointUrl = null) =>
        new AmazonSecurityTokenServiceClient(credentials, Configure(new AmazonSecurityTokenServiceConfig(), "sts", region, endpointUrl));

    private TConfig Configure<TConfig>(TConfig config, string service, string region, string? endpointUrl)
        where TConfig : ClientConfig
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            throw new ArgumentException("An AWS region is required.", nameof(region));
        }

        config.RetryMode = RequestRetryMode.Standard;
        config.Timeout = _requestTimeout;
        if (string.IsNullOrWhiteSpace(endpointUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            if (!Uri.TryCreate(endpointUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"The endpoint URL must be an absolute http(s) URL, got '{endpointUrl}'.", nameof(endpointUrl));
            }

            config.ServiceURL = uri.ToString();
            config.AuthenticationRegion = region;
        }

        Ec2Log.ClientCreated(_logger, service, region, endpointUrl ?? "regional");
        return config;
    }
}
