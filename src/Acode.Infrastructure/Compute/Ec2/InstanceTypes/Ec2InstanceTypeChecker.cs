using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Catalog;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace Acode.Infrastructure.Compute.Ec2.InstanceTypes;

/// <summary>
/// Checks the configured instance types before launch (FR-045/046, UT-003) with live knowledge:
/// <see cref="Ec2InstanceTypeValidator"/> fed with the types offered in the subnet's AZ (or the region), whether the
/// AMI carries GPU drivers (DescribeImages' name and description), and the live hardware of types the offline
/// catalogue lacks. EC2 Mac types and dedicated tenancy are refused (spec Out of Scope). When EC2 cannot be asked,
/// the check still runs offline and a warning says what was not checked.
/// </summary>
public sealed class Ec2InstanceTypeChecker
{
    // Words AWS and vendors put in the names/descriptions of AMIs that ship GPU drivers (Deep Learning AMIs, NVIDIA's own).
    private static readonly string[] GpuAmiMarkers = ["gpu", "nvidia", "cuda", "deep learning", "dlami"];

    private readonly Ec2InstanceTypeService _types;
    private readonly IAmazonEC2 _ec2;

    /// <summary>Creates the checker.</summary>
    /// <param name="types">Live instance-type knowledge of the configuration's region.</param>
    /// <param name="ec2">The same region's client, for DescribeSubnets and DescribeImages.</param>
    public Ec2InstanceTypeChecker(Ec2InstanceTypeService types, IAmazonEC2 ec2)
    {
        _types = types ?? throw new ArgumentNullException(nameof(types));
        _ec2 = ec2 ?? throw new ArgumentNullException(nameof(ec2));
    }

    /// <summary>Checks <c>instanceType</c>, each of <c>instanceTypes</c> and, with spot on, each of <c>spotInstanceTypes</c>; keyed by configuration path.</summary>
    public async Task<IReadOnlyList<(string Path, Ec2InstanceTypeCheck Check)>> CheckAsync(Ec2Configuration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var (zone, zoneNote) = await SubnetZoneAsync(configuration.SubnetId, cancellationToken).ConfigureAwait(false);
        var offerings = await _types.GetOfferingsAsync(zone, cancellationToken).ConfigureAwait(false);
        var gpuAmi = await AmiHasGpuDriversAsync(configuration.AmiId, cancellationToken).ConfigureAwait(false);
        var names = new List<(string Path, string Type)> { ($"{Ec2Defaults.SectionName}.instanceType", configuration.InstanceType) };
        names.AddRange(configuration.InstanceTypes.Select((t, i) => ($"{Ec2Defaults.SectionName}.instanceTypes[{i}]", t)));
        if (configuration.SpotEnabled)
        {
            names.AddRange(configuration.SpotInstanceTypes.Select((t, i) => ($"{Ec2Defaults.SectionName}.spotInstanceTypes[{i}]", t)));
        }

        var live = await _types.DescribeAsync(names.Select(n => n.Type).ToList(), cancellationToken).ConfigureAwait(false);
        var results = new List<(string, Ec2InstanceTypeCheck)>();
        foreach (var (path, type) in names)
        {
            var check = Ec2InstanceTypeValidator.Check(type, configuration.Region, offerings.Offered, zone, gpuAmi);
            var errors = await WithOtherZonesAsync(check, zone, cancellationToken).ConfigureAwait(false);
            var warnings = check.Warnings.ToList();
            if (configuration.Tenancy != Ec2Defaults.Tenancy)
            {
                errors.Add($"tenancy \"{configuration.Tenancy}\": dedicated instances and hosts are out of scope; use tenancy: default");
            }

            if (Ec2InstanceCatalog.Find(type) is null && live.Types.GetValueOrDefault(type) is { GpuCount: > 0 } spec && gpuAmi == false)
            {
                warnings.Add($"{type} has {spec.GpuCount} {spec.GpuModel} GPU(s) but the AMI has no GPU drivers: use a GPU AMI or you pay for an unused GPU");
            }

            warnings.AddRange(new[] { zoneNote, offerings.Note, live.Note }.OfType<string>());
            results.Add((path, check with { Errors = errors, Warnings = warnings }));
        }

        return results;
    }

    /// <summary>Runs <see cref="CheckAsync"/> and throws every error at once, each with its configuration path.</summary>
    /// <returns>The warnings, each with its path, for the caller to show.</returns>
    /// <exception cref="Ec2ConfigurationException">A type is malformed, unknown, not offered where it would launch, Mac, or dedicated.</exception>
    public async Task<IReadOnlyList<string>> ThrowIfInvalidAsync(Ec2Configuration configuration, CancellationToken cancellationToken = default)
    {
        var checks = await CheckAsync(configuration, cancellationToken).ConfigureAwait(false);
        var errors = checks.SelectMany(c => c.Check.Errors.Select(e => $"{c.Path}: {e}")).ToList();
        if (errors.Count > 0)
        {
            throw new Ec2ConfigurationException(errors);
        }

        return checks.SelectMany(c => c.Check.Warnings.Select(w => $"{c.Path}: {w}")).Distinct().ToList();
    }

    // A type missing in the subnet's AZ is often offered in another AZ of the region: say which, so the user can pick a subnet there.
    private async Task<List<string>> WithOtherZonesAsync(Ec2InstanceTypeCheck check, string? zone, CancellationToken cancellationToken)
    {
        var errors = check.Errors.ToList();
        var notOffered = $"{check.InstanceType} is not offered in {zone}";
        var index = zone is null ? -1 : errors.FindIndex(e => e.StartsWith(notOffered, StringComparison.Ordinal));
        if (index < 0)
        {
            return errors;
        }

        var zones = await _types.GetZonesOfferingAsync(check.InstanceType, cancellationToken).ConfigureAwait(false);
        if (zones is { Count: > 0 })
        {
            errors[index] += $"; it is offered in {string.Join(", ", zones)}: use a subnet there";
        }

        return errors;
    }

    private async Task<(string? Zone, string? Note)> SubnetZoneAsync(string? subnetId, CancellationToken cancellationToken)
    {
        if (subnetId is null)
        {
            return (null, null);
        }

        try
        {
            var response = await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnetId] }, cancellationToken).ConfigureAwait(false);
            return (response.Subnets?.FirstOrDefault()?.AvailabilityZone, null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            return (null, $"could not look up the AZ of {subnetId} ({Reason(e)}); checked offerings in the region instead");
        }
    }

    private async Task<bool?> AmiHasGpuDriversAsync(string? amiId, CancellationToken cancellationToken)
    {
        if (amiId is null)
        {
            // The default AMI is plain Amazon Linux, which has no GPU drivers.
            return false;
        }

        try
        {
            var response = await _ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [amiId] }, cancellationToken).ConfigureAwait(false);
            if (response.Images?.FirstOrDefault() is not { } image)
            {
                return null;
            }

            var text = $"{image.Name} {image.Description}";
            return GpuAmiMarkers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            return null;
        }
    }

    private static string Reason(Exception e) => e is AmazonServiceException s ? s.ErrorCode : e.GetType().Name;
}
