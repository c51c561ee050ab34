using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Images;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace Acode.Infrastructure.Compute.Ec2.Ami;

/// <summary>
/// Finds the AMI to launch (FR-010/011, issue 13): the configured id, else the image an alias names (<c>al2023</c> by
/// default, <c>al2</c>, <c>ubuntu-24.04</c>, <c>debian-12</c>) from its publisher's public SSM parameter for the
/// region (arm64 for Graviton types). Learns the SSH user from the alias, else the AMI's name and description
/// (DescribeImages, which also gives the root device name the EBS mapping must use) when none is configured. Parameter
/// and image lookups are cached for the process, per endpoint and region, so twenty targets prepared together make one
/// SSM call.
/// </summary>
public sealed partial class Ec2AmiResolver
{
    /// <summary>The login user of Amazon Linux and of any AMI whose name says nothing better.</summary>
    public const string DefaultSshUser = "ec2-user";

    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Cache = new(StringComparer.Ordinal);

    private readonly IAmazonEC2 _ec2;
    private readonly IAmazonSimpleSystemsManagement _ssm;
    private readonly string _cacheScope;

    /// <summary>Initializes a new instance of the <see cref="Ec2AmiResolver"/> class.</summary>
    /// <param name="ec2">The EC2 client (DescribeImages).</param>
    /// <param name="ssm">The SSM client (GetParameter).</param>
    /// <param name="cacheScope">What the cache is keyed by besides region: the endpoint URL, or null for AWS.</param>
    public Ec2AmiResolver(IAmazonEC2 ec2, IAmazonSimpleSystemsManagement ssm, string? cacheScope = null)
    {
        _ec2 = ec2;
        _ssm = ssm;
        _cacheScope = cacheScope ?? "aws";
    }

    /// <summary>Resolves the AMI id and SSH user.</summary>
    /// <param name="ami">The configured AMI id or alias, or null for Amazon Linux 2023.</param>
    /// <param name="sshUser">The configured SSH user, or null to learn it from the alias or the AMI.</param>
    /// <param name="region">The region.</param>
    /// <param name="instanceType">The instance type (decides the architecture of an alias's image).</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    /// <exception cref="Ec2ConfigurationException">The alias's publisher has no parameter in the region.</exception>
    public async Task<Ec2ResolvedImage> ResolveAsync(string? ami, string? sshUser, string region, string instanceType, CancellationToken cancellationToken = default)
    {
        var alias = Ec2ImageAliases.For(ami);
        var imageId = alias is null ? ami! : await LatestAsync(alias, region, instanceType, cancellationToken).ConfigureAwait(false);
        var image = await CachedAsync($"image|{region}|{imageId}", () => DescribeAsync(imageId)).WaitAsync(cancellationToken).ConfigureAwait(false);
        var parts = image.Split('\n', 2);
        var user = string.IsNullOrWhiteSpace(sshUser) ? alias?.SshUser ?? UserFromImageText(parts[1]) : sshUser;
        return new Ec2ResolvedImage(imageId, user, parts[0]) { Alias = alias };
    }

    /// <summary>The latest AMI id an alias names in the region, for the type's architecture.</summary>
    /// <exception cref="Ec2ConfigurationException">The publisher has no such parameter in the region.</exception>
    public Task<string> LatestAsync(Ec2ImageAlias alias, string region, string instanceType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alias);
        var parameter = alias.Parameter(IsArm64(instanceType));
        return CachedAsync($"ssm|{region}|{parameter}", async () =>
        {
            try
            {
                var response = await _ssm.GetParameterAsync(new GetParameterRequest { Name = parameter }, CancellationToken.None).ConfigureAwait(false);
                return response.Parameter.Value;
            }
            catch (ParameterNotFoundException)
            {
                throw new Ec2ConfigurationException(
                    [Ec2ConfigurationValidator.Problem("ami", $"no {alias.Name} image is published in {region} (SSM parameter {parameter} not found): set an AMI id of that region, another alias, or another region", alias.Name)]);
            }
            catch (AmazonServiceException ex)
            {
                throw Ec2Errors.Translate(ex, "ssm:GetParameter");
            }
        }).WaitAsync(cancellationToken);
    }

    /// <summary>The login user an AMI's name or description implies: ubuntu, admin (Debian), else ec2-user.</summary>
    public static string UserFromImageText(string text) =>
        text.Contains("ubuntu", StringComparison.OrdinalIgnoreCase) ? "ubuntu"
        : text.Contains("debian", StringComparison.OrdinalIgnoreCase) ? "admin"
        : DefaultSshUser;

    /// <summary>Whether a type runs on Graviton (arm64): a <c>g</c> right after the generation digit, e.g. t4g, c7gn.</summary>
    public static bool IsArm64(string instanceType) => GravitonFamily().IsMatch(instanceType);

    private async Task<string> CachedAsync(string key, Func<Task<string>> fetch)
    {
        var scoped = _cacheScope + "|" + key;
        var lazy = Cache.GetOrAdd(scoped, _ => new Lazy<Task<string>>(fetch));
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException or Ec2ApiException or Ec2ConfigurationException)
        {
            // A failure must not be cached: the next target asks again.
            Cache.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(scoped, lazy));
            throw;
        }
    }

    private async Task<string> DescribeAsync(string imageId)
    {
        DescribeImagesResponse response;
        try
        {
            response = await _ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [imageId] }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex)
        {
            throw Ec2Errors.Translate(ex, "DescribeImages");
        }

        var image = response.Images?.FirstOrDefault()
            ?? throw new Ec2ApiException("DescribeImages", "InvalidAMIID.NotFound", null, $"The AMI {imageId} does not exist or is not visible to this account.");

        // Root device first, then the text the login user is guessed from.
        return $"{image.RootDeviceName ?? Provisioning.Ec2RunInstancesRequests.DefaultRootDevice}\n{image.Name} {image.Description}";
    }

    [GeneratedRegex(@"^[a-z]+\d+g[a-z]*\.", RegexOptions.IgnoreCase)]
    private static partial Regex GravitonFamily();
}
