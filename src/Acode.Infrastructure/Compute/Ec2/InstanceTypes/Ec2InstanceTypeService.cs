using Acode.Application.Compute.Ec2.Catalog;
using Acode.Infrastructure.Compute.Ec2.Pricing;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Acode.Infrastructure.Compute.Ec2.InstanceTypes;

/// <summary>
/// Live instance-type knowledge of one region (FR-041..046): hardware from DescribeInstanceTypes (vCPUs, memory,
/// GPUs, architectures) and what is offered in the region or an AZ from DescribeInstanceTypeOfferings, both paginated
/// and cached for <c>cacheDuration</c>. When EC2 fails or refuses (e.g. <c>UnauthorizedOperation</c>), the offline
/// <see cref="Ec2InstanceCatalog"/> stands in and the result says so. Share one per region between targets.
/// </summary>
public sealed class Ec2InstanceTypeService
{
    /// <summary>How long answers are reused: offerings and hardware change rarely.</summary>
    public static readonly TimeSpan DefaultCacheDuration = TimeSpan.FromHours(1);

    // DescribeInstanceTypes takes at most 100 names per call (ec2-api-facts 12.2).
    private const int MaxNamesPerCall = 100;

    private readonly IAmazonEC2 _ec2;
    private readonly ILogger _logger;
    private readonly ExpiringCache<string, Ec2InstanceTypeSpec?> _specs;
    private readonly ExpiringCache<string, Ec2OfferingLookup> _offerings;

    /// <summary>Creates the service.</summary>
    /// <param name="ec2">The EC2 client of <paramref name="region"/> (owned by the caller).</param>
    /// <param name="region">The client's region.</param>
    /// <param name="timeProvider">The cache's clock.</param>
    /// <param name="cacheDuration">How long answers are reused; <see cref="DefaultCacheDuration"/> when null.</param>
    /// <param name="logger">The logger.</param>
    public Ec2InstanceTypeService(IAmazonEC2 ec2, string region, TimeProvider timeProvider, TimeSpan? cacheDuration = null, ILogger<Ec2InstanceTypeService>? logger = null)
    {
        _ec2 = ec2 ?? throw new ArgumentNullException(nameof(ec2));
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Region = region;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _specs = new(timeProvider, cacheDuration ?? DefaultCacheDuration);
        _offerings = new(timeProvider, cacheDuration ?? DefaultCacheDuration);
    }

    /// <summary>The region served.</summary>
    public string Region { get; }

    /// <summary>The hardware of <paramref name="instanceTypes"/>; names EC2 does not know are left out.</summary>
    public async Task<Ec2InstanceTypeLookup> DescribeAsync(IReadOnlyCollection<string> instanceTypes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceTypes);
        var found = new Dictionary<string, Ec2InstanceTypeSpec>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var name in instanceTypes.Distinct(StringComparer.Ordinal))
        {
            if (!_specs.TryGet(name, out var cached))
            {
                missing.Add(name);
            }
            else if (cached is not null)
            {
                found[name] = cached;
            }
        }

        try
        {
            foreach (var chunk in missing.Chunk(MaxNamesPerCall))
            {
                var live = await DescribeLiveAsync(chunk, cancellationToken).ConfigureAwait(false);
                foreach (var name in chunk)
                {
                    // Unknown names are cached too (as absent), so a typo is not looked up again and again.
                    var spec = live.GetValueOrDefault(name);
                    _specs.Set(name, spec);
                    if (spec is not null)
                    {
                        found[name] = spec;
                    }
                }
            }

            return new Ec2InstanceTypeLookup(found, Live: true, Note: null);
        }
        catch (Exception e) when (IsLookupFailure(e, cancellationToken))
        {
            var note = Offline("instance types", e);
            var offline = instanceTypes.Select(Ec2InstanceCatalog.Find).OfType<Ec2InstanceTypeSpec>().DistinctBy(s => s.Name).ToDictionary(s => s.Name, StringComparer.Ordinal);
            return new Ec2InstanceTypeLookup(offline, Live: false, note);
        }
    }

    /// <summary>The types offered in the region (<paramref name="availabilityZone"/> null) or in one AZ.</summary>
    public Task<Ec2OfferingLookup> GetOfferingsAsync(string? availabilityZone = null, CancellationToken cancellationToken = default) =>
        _offerings.GetOrAddAsync(availabilityZone ?? Region, ct => LoadOfferingsAsync(availabilityZone, ct), cancellationToken);

    /// <summary>The AZs of the region that offer <paramref name="instanceType"/>, sorted; null when EC2 cannot be asked.</summary>
    public async Task<IReadOnlyList<string>?> GetZonesOfferingAsync(string instanceType, CancellationToken cancellationToken = default)
    {
        var request = new DescribeInstanceTypeOfferingsRequest
        {
            LocationType = LocationType.AvailabilityZone,
            Filters = [new Filter("instance-type", [instanceType])],
        };
        try
        {
            var zones = new List<string>();
            await foreach (var offering in _ec2.Paginators.DescribeInstanceTypeOfferings(request).InstanceTypeOfferings.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                zones.Add(offering.Location);
            }

            return [.. zones.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (IsLookupFailure(e, cancellationToken))
        {
            Offline($"the zones offering {instanceType}", e);
            return null;
        }
    }

    private async Task<Dictionary<string, Ec2InstanceTypeSpec>> DescribeLiveAsync(string[] names, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Ec2InstanceTypeSpec>(StringComparer.Ordinal);
        try
        {
            var request = new DescribeInstanceTypesRequest { InstanceTypes = [.. names] };
            await foreach (var info in _ec2.Paginators.DescribeInstanceTypes(request).InstanceTypes.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                result[info.InstanceType.Value] = ToSpec(info);
            }
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode == "InvalidInstanceType" && names.Length > 1)
        {
            // One unknown name fails the whole call: ask for each alone, so the known ones are still described.
            foreach (var name in names)
            {
                foreach (var (key, spec) in await DescribeLiveAsync([name], cancellationToken).ConfigureAwait(false))
                {
                    result[key] = spec;
                }
            }
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode == "InvalidInstanceType")
        {
            // The single name does not exist in EC2: absent from the result.
        }

        Ec2Log.InstanceTypesLoaded(_logger, result.Count, "instance type descriptions", Region);
        return result;
    }

    private async Task<Ec2OfferingLookup> LoadOfferingsAsync(string? availabilityZone, CancellationToken cancellationToken)
    {
        var location = availabilityZone ?? Region;
        var request = new DescribeInstanceTypeOfferingsRequest
        {
            LocationType = availabilityZone is null ? LocationType.Region : LocationType.AvailabilityZone,
            Filters = [new Filter("location", [location])],
        };
        try
        {
            var offered = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var offering in _ec2.Paginators.DescribeInstanceTypeOfferings(request).InstanceTypeOfferings.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                offered.Add(offering.InstanceType.Value);
            }

            Ec2Log.InstanceTypesLoaded(_logger, offered.Count, "instance type offerings", location);
            return new Ec2OfferingLookup(location, offered, null);
        }
        catch (Exception e) when (IsLookupFailure(e, cancellationToken))
        {
            return new Ec2OfferingLookup(location, null, Offline($"offerings in {location}", e));
        }
    }

    private string Offline(string what, Exception e)
    {
        var reason = e is AmazonServiceException s ? $"{s.ErrorCode}: {s.Message}" : $"{e.GetType().Name}: {e.Message}";
        Ec2Log.InstanceTypesOffline(_logger, Region, reason);
        return $"could not look up {what} live ({reason}); used acode's offline catalogue";
    }

    private static bool IsLookupFailure(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is AmazonServiceException or AmazonClientException or HttpRequestException or OperationCanceledException;

    private static Ec2InstanceTypeSpec ToSpec(InstanceTypeInfo info)
    {
        var name = info.InstanceType.Value;
        var gpus = info.GpuInfo?.Gpus ?? [];
        var architectures = info.ProcessorInfo?.SupportedArchitectures?.ToList() ?? [];
        return new Ec2InstanceTypeSpec
        {
            Name = name,
            VCpus = info.VCpuInfo?.DefaultVCpus ?? 0,
            MemoryGiB = (info.MemoryInfo?.SizeInMiB ?? 0) / 1024m,
            GpuCount = gpus.Sum(g => g.Count ?? 0),
            GpuModel = gpus.FirstOrDefault()?.Name,
            GpuMemoryGiB = gpus.FirstOrDefault()?.MemoryInfo?.SizeInMiB is { } mib ? mib / 1024m : null,
            Architecture = architectures.Contains("x86_64") ? "x86_64" : architectures.FirstOrDefault() ?? "unknown",
            CpuManufacturer = info.ProcessorInfo?.Manufacturer ?? "unknown",
            Burstable = info.BurstablePerformanceSupported ?? false,
            OnDemandHourlyByRegion = Ec2InstanceCatalog.Find(name)?.OnDemandHourlyByRegion ?? new Dictionary<string, decimal>(),
        };
    }
}
