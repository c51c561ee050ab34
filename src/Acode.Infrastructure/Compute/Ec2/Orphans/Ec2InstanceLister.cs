using System.Runtime.CompilerServices;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Tagging;
using Amazon.EC2;
using Amazon.EC2.Model;
using Acode.Infrastructure.Compute.Ec2.Provisioning;

namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>
/// Lists acode's instances (tagged <c>acode=true</c>, not terminated) page by page, per region or in every region,
/// each with its age, address, market, hourly rate, cost so far and orphan flag: the rows of <c>acode target ec2 list</c>.
/// </summary>
public sealed class Ec2InstanceLister : IDisposable
{
    private readonly Ec2RegionClients _clients;
    private readonly bool _ownsClients;
    private readonly TimeProvider _time;
    private readonly Ec2SessionRegistry? _sessions;

    /// <summary>Initializes a new instance of the <see cref="Ec2InstanceLister"/> class.</summary>
    /// <param name="ec2">A client; its region is the default one. The caller keeps owning it.</param>
    /// <param name="timeProvider">The clock (ages, cost so far, expiry).</param>
    /// <param name="options">Threshold and page size; defaults when null.</param>
    /// <param name="sessions">The local session registry; null = no session is known to be alive.</param>
    /// <param name="clientForRegion">Makes a client for another region (owned and disposed here); needed for all regions.</param>
    public Ec2InstanceLister(
        IAmazonEC2 ec2, TimeProvider timeProvider, Ec2OrphanOptions? options = null, Ec2SessionRegistry? sessions = null, Func<string, IAmazonEC2>? clientForRegion = null)
        : this(new Ec2RegionClients(ec2, clientForRegion), ownsClients: true, timeProvider, options, sessions)
    {
    }

    internal Ec2InstanceLister(Ec2RegionClients clients, bool ownsClients, TimeProvider timeProvider, Ec2OrphanOptions? options, Ec2SessionRegistry? sessions)
    {
        _clients = clients;
        _ownsClients = ownsClients;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        Options = options ?? new Ec2OrphanOptions();
        Options.Validate();
        _sessions = sessions;
    }

    /// <summary>The options in force.</summary>
    public Ec2OrphanOptions Options { get; }

    /// <summary>The default client's region.</summary>
    public string DefaultRegion => _clients.DefaultRegion;

    /// <summary>Lists acode's instances in the requested regions, region by region.</summary>
    public async Task<IReadOnlyList<Ec2InstanceListing>> ListAsync(Ec2ListRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new Ec2ListRequest();
        var rows = new List<Ec2InstanceListing>();
        foreach (var region in await ResolveRegionsAsync(request.Regions, request.AllRegions, cancellationToken).ConfigureAwait(false))
        {
            await foreach (var row in ListRegionAsync(region, request.Threshold, request.Force, cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>Streams acode's instances of one region as the pages arrive (DescribeInstances, MaxResults = page size).</summary>
    public async IAsyncEnumerable<Ec2InstanceListing> ListRegionAsync(
        string region, TimeSpan? threshold = null, bool force = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new DescribeInstancesRequest
        {
            MaxResults = Options.PageSize,
            Filters =
            [
                new Filter("tag:" + Ec2TagKeys.Acode, [Ec2TagKeys.AcodeValue]),
                new Filter("instance-state-name", [.. Ec2OrphanDefaults.NotTerminatedStateNames]),
            ],
        };
        var limit = threshold ?? Options.Threshold;
        await foreach (var reservation in _clients.For(region).Paginators.DescribeInstances(request).Reservations.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var instance in reservation.Instances ?? [])
            {
                var info = Ec2InstanceMapper.ToInfo(instance, region);

                // The filter already asked for acode=true; checking again costs nothing and keeps strangers out.
                if (Ec2OrphanRules.IsAcode(info.Tags))
                {
                    yield return ToListing(info, _time.GetUtcNow(), limit, force);
                }
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsClients)
        {
            _clients.Dispose();
        }
    }

    internal Ec2OrphanVerdict Evaluate(Ec2InstanceInfo info, DateTimeOffset now, TimeSpan threshold, bool force) =>
        Ec2OrphanRules.Evaluate(info, now, threshold, IsSessionAlive, force);

    internal bool IsSessionAlive(string sessionId) => _sessions?.IsAlive(sessionId) == true;

    internal Ec2InstanceListing ToListing(Ec2InstanceInfo info, DateTimeOffset now, TimeSpan threshold, bool force)
    {
        var verdict = Evaluate(info, now, threshold, force);
        var age = now - info.LaunchTime;
        var cost = CostSoFar(info, age);
        return new Ec2InstanceListing
        {
            InstanceId = info.InstanceId,
            InstanceType = info.InstanceType,
            Region = info.Region,
            State = Ec2OrphanRules.StateName(info.State),
            LaunchTime = info.LaunchTime,
            Age = age,
            Address = info.PublicIp ?? info.PrivateIp,
            Spot = info.IsSpotInstance,
            HourlyRate = cost?.HourlyRate,
            CostSoFar = cost?.TotalCost,
            Orphan = verdict.IsOrphan,
            OrphanReasons = verdict.Reasons,
            KeepReason = verdict.KeepReason,
            Reason = verdict.Description,
            SessionId = Ec2OrphanRules.SessionId(info.Tags),
            Owner = info.Tags.TryGetValue(Ec2TagKeys.Owner, out var owner) ? owner : null,
            ExpiresAt = Ec2OrphanRules.ExpiresAt(info.Tags),
            Instance = info,
        };
    }

    internal async Task<IReadOnlyList<string>> ResolveRegionsAsync(IReadOnlyList<string>? regions, bool allRegions, CancellationToken cancellationToken)
    {
        if (allRegions)
        {
            return await _clients.AllRegionsAsync(cancellationToken).ConfigureAwait(false);
        }

        return regions is { Count: > 0 } ? [.. regions.Distinct(StringComparer.Ordinal)] : [_clients.DefaultRegion];
    }

    internal IAmazonEC2 ClientFor(string region) => _clients.For(region);

    private static Domain.Compute.Ec2.Cost.Ec2CostBreakdown? CostSoFar(Ec2InstanceInfo info, TimeSpan age)
    {
        try
        {
            return Ec2CostCalculator.Calculate(new Ec2CostRequest
            {
                InstanceType = info.InstanceType,
                Region = info.Region,
                AvailabilityZone = info.AvailabilityZone,
                Duration = age < TimeSpan.Zero ? TimeSpan.Zero : age,
                IsSpot = info.IsSpotInstance,
                EbsSizeGb = info.RootVolumeSizeGb ?? Ec2Defaults.EbsSizeGb,
                EbsVolumeType = info.RootVolumeType ?? Ec2Defaults.EbsVolumeType,
                PublicIpv4 = info.PublicIp is not null && info.ElasticIpAllocationId is null,
                ElasticIp = info.ElasticIpAllocationId is not null,
                Platform = info.Platform,
            });
        }
        catch (Ec2PriceUnknownException)
        {
            // Shown as unknown rather than guessed.
            return null;
        }
    }
}
