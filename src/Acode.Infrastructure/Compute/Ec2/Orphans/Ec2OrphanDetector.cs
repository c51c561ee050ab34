using Acode.Application.Compute.Ec2;
using Acode.Domain.Compute.Ec2;
using Amazon.EC2;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Acode.Infrastructure.Compute.Ec2.Provisioning;

namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>
/// Finds and safely removes what acode left behind (FR-072..075, spec Part 4 with its gaps closed): every page of
/// DescribeInstances, pending/running/stopping/stopped, age or <c>acode:expires-at</c>, live local sessions skipped,
/// tags re-read right before terminating, idempotent, and acode's temporary security groups and key pairs that
/// nothing uses any more. <see cref="PlanAsync"/> changes nothing (the dry run); <see cref="ExecuteAsync"/> acts.
/// </summary>
public sealed class Ec2OrphanDetector : IEc2OrphanDetector, IDisposable
{
    private readonly Ec2RegionClients _clients;
    private readonly Ec2InstanceLister _lister;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="Ec2OrphanDetector"/> class.</summary>
    /// <param name="ec2">A client; its region is the default one. The caller keeps owning it.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="options">Threshold, page size, DependencyViolation retries; defaults when null.</param>
    /// <param name="sessions">The local session registry; null = no session is known to be alive.</param>
    /// <param name="clientForRegion">Makes a client for another region (owned and disposed here); needed for other or all regions.</param>
    /// <param name="logger">Optional logger.</param>
    public Ec2OrphanDetector(
        IAmazonEC2 ec2,
        TimeProvider timeProvider,
        Ec2OrphanOptions? options = null,
        Ec2SessionRegistry? sessions = null,
        Func<string, IAmazonEC2>? clientForRegion = null,
        ILogger<Ec2OrphanDetector>? logger = null)
    {
        _clients = new Ec2RegionClients(ec2, clientForRegion);
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _lister = new Ec2InstanceLister(_clients, ownsClients: false, timeProvider, options, sessions);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The lister this detector uses (same clients, options and registry): rows for <c>acode target ec2 list</c>.</summary>
    public Ec2InstanceLister Lister => _lister;

    /// <summary>The options in force.</summary>
    public Ec2OrphanOptions Options => _lister.Options;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Ec2InstanceInfo>> DetectOrphansAsync(string region, TimeSpan orphanThreshold, CancellationToken cancellationToken = default)
    {
        var orphans = new List<Ec2InstanceInfo>();
        await foreach (var row in _lister.ListRegionAsync(region, orphanThreshold, force: false, cancellationToken).ConfigureAwait(false))
        {
            if (row.Orphan)
            {
                orphans.Add(row.Instance);
            }
        }

        return orphans;
    }

    /// <summary>
    /// Terminates the given instances of the default region that are acode's, active and not of a live session (the
    /// caller picked them, so no age is required); others are skipped with the reason. Temporary security groups and
    /// key pairs the cleanup frees are removed too (under the options' threshold).
    /// </summary>
    public async Task<Ec2OrphanCleanupResult> CleanupOrphansAsync(IEnumerable<string> instanceIds, CancellationToken cancellationToken = default)
    {
        var ids = instanceIds?.ToList() ?? throw new ArgumentNullException(nameof(instanceIds));
        var request = new Ec2CleanupRequest { InstanceIds = ids, Yes = true };
        return ToContract(await CleanupAsync(request, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<Ec2OrphanCleanupResult> CleanupAllOrphansAsync(string region, TimeSpan orphanThreshold, bool dryRun = true, CancellationToken cancellationToken = default)
    {
        var request = new Ec2CleanupRequest { Regions = [region], Threshold = orphanThreshold, Yes = !dryRun };
        return ToContract(await CleanupAsync(request, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Plans, and with <see cref="Ec2CleanupRequest.Yes"/> executes, a cleanup; without it the result is the dry run.</summary>
    public async Task<Ec2CleanupResult> CleanupAsync(Ec2CleanupRequest request, CancellationToken cancellationToken = default)
    {
        var plan = await PlanAsync(request, cancellationToken).ConfigureAwait(false);
        return request.Yes ? await ExecuteAsync(plan, cancellationToken).ConfigureAwait(false) : DryRun(plan);
    }

    /// <summary>
    /// Works out what a cleanup would do. Only describe calls: nothing is changed. Regions are looked at in parallel; in
    /// a sweep of several regions one that the account has not enabled (<see cref="AwsErrorCodes.RegionNotEnabled"/>)
    /// is skipped with a note instead of failing the sweep.
    /// </summary>
    public async Task<Ec2CleanupPlan> PlanAsync(Ec2CleanupRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var threshold = request.Threshold ?? Options.Threshold;
        if (threshold < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(request), threshold, "The orphan threshold may not be negative.");
        }

        // Named instances were picked by the caller: no age is required of them (every other rule still holds).
        var instanceThreshold = request.InstanceIds is null ? threshold : TimeSpan.Zero;
        var regions = await _lister.ResolveRegionsAsync(request.Regions, request.AllRegions, cancellationToken).ConfigureAwait(false);
        var several = regions.Count > 1;
        var plans = await ForEachRegionAsync(regions, region => PlanRegionAsync(region, request, instanceThreshold, threshold, several, cancellationToken)).ConfigureAwait(false);
        var orphans = plans.SelectMany(p => p.Orphans).ToList();
        var kept = plans.SelectMany(p => p.Kept).ToList();
        var resources = plans.SelectMany(p => p.Resources).ToList();

        // A named id found in none of the regions is gone (or never was): nothing to do, reported as such.
        var found = orphans.Concat(kept).Select(r => r.InstanceId).ToHashSet(StringComparer.Ordinal);
        var missing = request.InstanceIds?.Where(id => !found.Contains(id)).Distinct(StringComparer.Ordinal).ToList() ?? [];
        var regionText = string.Join(",", regions);
        Ec2Log.CleanupPlanned(_logger, regionText, orphans.Count, kept.Count, resources.Count, threshold);
        return new Ec2CleanupPlan
        {
            Regions = [.. plans.Where(p => p.Skipped is null).Select(p => p.Region)],
            SkippedRegions = [.. plans.Select(p => p.Skipped).OfType<Ec2SkippedRegion>()],
            Threshold = threshold,
            InstanceThreshold = instanceThreshold,
            Force = request.Force,
            CreatedAt = _time.GetUtcNow(),
            Orphans = orphans,
            KeptInstances = kept,
            Resources = resources,
            KeptResources = [.. plans.SelectMany(p => p.KeptResources)],
            MissingInstanceIds = missing,
        };
    }

    /// <summary>
    /// Carries out a plan, region by region in parallel: re-reads each instance and terminates it only if it still is
    /// an orphan (above all: still tagged <c>acode=true</c>), then deletes the planned key pairs and security groups
    /// after the same re-check. Running it twice is harmless: what is gone counts as done.
    /// </summary>
    public async Task<Ec2CleanupResult> ExecuteAsync(Ec2CleanupPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var perRegion = await ForEachRegionAsync(plan.Regions, region => ExecuteRegionAsync(plan, region, cancellationToken)).ConfigureAwait(false);
        List<Ec2CleanupOutcome> outcomes = [.. perRegion.SelectMany(o => o), .. plan.MissingInstanceIds.Select(Missing)];
        return new Ec2CleanupResult { DryRun = false, Plan = plan, Outcomes = outcomes };
    }

    /// <inheritdoc />
    public void Dispose() => _clients.Dispose();

    private Ec2CleanupResult DryRun(Ec2CleanupPlan plan)
    {
        var outcomes = new List<Ec2CleanupOutcome>();
        outcomes.AddRange(plan.Orphans.Select(o => new Ec2CleanupOutcome(Ec2CleanupResourceKind.Instance, o.InstanceId, null, o.Region, Ec2CleanupAction.WouldTerminate, o.Reason)));
        outcomes.AddRange(plan.KeptInstances.Select(Kept));
        outcomes.AddRange(plan.Resources.Select(r => new Ec2CleanupOutcome(r.Kind, r.Id, r.Name, r.Region, Ec2CleanupAction.WouldDelete, r.Reason)));
        outcomes.AddRange(plan.KeptResources.Select(Kept));
        outcomes.AddRange(plan.MissingInstanceIds.Select(Missing));
        return new Ec2CleanupResult { DryRun = true, Plan = plan, Outcomes = outcomes };
    }

    private static Ec2CleanupOutcome Kept(Ec2InstanceListing row) =>
        new(Ec2CleanupResourceKind.Instance, row.InstanceId, null, row.Region, Ec2CleanupAction.Skipped, row.Reason);

    private static Ec2CleanupOutcome Kept(Ec2TempResource resource) =>
        new(resource.Kind, resource.Id, resource.Name, resource.Region, Ec2CleanupAction.Skipped, resource.Reason);

    private Ec2CleanupOutcome Missing(string id) =>
        new(Ec2CleanupResourceKind.Instance, id, null, _clients.DefaultRegion, Ec2CleanupAction.AlreadyGone, "not found (already terminated)");

    // Clients are made one after the other (making one may resolve credentials), then the regions run together.
    private async Task<T[]> ForEachRegionAsync<T>(IReadOnlyList<string> regions, Func<string, Task<T>> work)
    {
        foreach (var region in regions)
        {
            _clients.For(region);
        }

        return await Task.WhenAll(regions.Select(work)).ConfigureAwait(false);
    }

    private async Task<RegionPlan> PlanRegionAsync(
        string region, Ec2CleanupRequest request, TimeSpan instanceThreshold, TimeSpan threshold, bool several, CancellationToken cancellationToken)
    {
        try
        {
            var rows = await InstancesAsync(region, request, instanceThreshold, cancellationToken).ConfigureAwait(false);
            var terminating = rows.Where(r => r.Orphan).Select(r => r.InstanceId).ToHashSet(StringComparer.Ordinal);
            var planner = new Ec2TempResourcePlanner(_clients.For(region), region, Options.PageSize, _lister.IsSessionAlive);
            var (delete, keep) = await planner.PlanAsync(terminating, _time.GetUtcNow(), threshold, request.Force, cancellationToken).ConfigureAwait(false);
            return new RegionPlan(region, null, [.. rows.Where(r => r.Orphan)], [.. rows.Where(r => !r.Orphan)], delete, keep);
        }
        catch (AmazonServiceException ex) when (several && AwsErrorCodes.IsRegionNotEnabled(ex.ErrorCode))
        {
            // The region that listed the regions accepted these credentials: this one is not enabled for the account.
            var note = $"not enabled for this account ({ex.ErrorCode}); enable it in the account settings to sweep it";
            Ec2Log.RegionSkipped(_logger, region, ex.ErrorCode);
            return new RegionPlan(region, new Ec2SkippedRegion(region, note), [], [], [], []);
        }
    }

    private async Task<List<Ec2CleanupOutcome>> ExecuteRegionAsync(Ec2CleanupPlan plan, string region, CancellationToken cancellationToken)
    {
        var outcomes = new List<Ec2CleanupOutcome>();
        var executor = new Ec2CleanupExecutor(_clients.For(region), region, _lister, _time, _logger);
        var planned = plan.Orphans.Where(o => o.Region == region).Select(o => o.InstanceId).ToList();
        var (instanceOutcomes, _) = await executor.TerminateAsync(planned, plan.InstanceThreshold, plan.Force, cancellationToken).ConfigureAwait(false);
        outcomes.AddRange(instanceOutcomes);
        outcomes.AddRange(plan.KeptInstances.Where(k => k.Region == region).Select(Kept));

        // Instances that were already going count as freeing their resources too.
        var going = instanceOutcomes.Where(o => o.Action is Ec2CleanupAction.Terminated or Ec2CleanupAction.AlreadyGone).Select(o => o.ResourceId).ToHashSet(StringComparer.Ordinal);
        foreach (var resource in plan.Resources.Where(r => r.Region == region))
        {
            if (resource.WaitsFor.Any(id => !going.Contains(id)))
            {
                outcomes.Add(new(resource.Kind, resource.Id, resource.Name, region, Ec2CleanupAction.Skipped, "an instance using it was not terminated"));
                continue;
            }

            outcomes.Add(resource.Kind == Ec2CleanupResourceKind.KeyPair
                ? await executor.DeleteKeyPairAsync(resource, going, cancellationToken).ConfigureAwait(false)
                : await executor.DeleteSecurityGroupAsync(resource, going, cancellationToken).ConfigureAwait(false));
        }

        outcomes.AddRange(plan.KeptResources.Where(r => r.Region == region).Select(Kept));
        return outcomes;
    }

    private static Ec2OrphanCleanupResult ToContract(Ec2CleanupResult result)
    {
        var instances = result.Outcomes.Where(o => o.Kind == Ec2CleanupResourceKind.Instance).ToList();
        return new Ec2OrphanCleanupResult
        {
            DryRun = result.DryRun,
            Terminated = [.. instances.Where(o => o.Action is Ec2CleanupAction.Terminated or Ec2CleanupAction.WouldTerminate).Select(o => o.ResourceId)],
            Skipped = instances.Where(o => o.Action is Ec2CleanupAction.Skipped or Ec2CleanupAction.AlreadyGone)
                .GroupBy(o => o.ResourceId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Reason, StringComparer.Ordinal),
            Failed = instances.Where(o => o.Action == Ec2CleanupAction.Failed)
                .GroupBy(o => o.ResourceId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Reason, StringComparer.Ordinal),
        };
    }

    private async Task<List<Ec2InstanceListing>> InstancesAsync(
        string region, Ec2CleanupRequest request, TimeSpan threshold, CancellationToken cancellationToken)
    {
        var rows = new List<Ec2InstanceListing>();
        if (request.InstanceIds is null)
        {
            await foreach (var row in _lister.ListRegionAsync(region, threshold, request.Force, cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row);
            }

            return rows;
        }

        // Named instances: look each up whatever its tags, so the plan can say why a stranger is left alone.
        var found = await Ec2OrphanQueries.InstancesAsync(_clients.For(region), "instance-id", request.InstanceIds, Options.PageSize, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        rows.AddRange(found.Select(i => _lister.ToListing(Ec2InstanceMapper.ToInfo(i, region), now, threshold, request.Force)));
        return rows;
    }

    private sealed record RegionPlan(
        string Region,
        Ec2SkippedRegion? Skipped,
        List<Ec2InstanceListing> Orphans,
        List<Ec2InstanceListing> Kept,
        List<Ec2TempResource> Resources,
        List<Ec2TempResource> KeptResources);
}
