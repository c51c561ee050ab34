using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Network;
using Acode.Infrastructure.Compute.Ec2.Tagging;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Acode.Infrastructure.Compute.Ec2.Provisioning;

namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>
/// Carries out a plan in one region. Every resource is described again right before it is touched and the rules are
/// applied to what EC2 says now: an instance whose <c>acode=true</c> tag went away, whose expiry moved, or whose session
/// came alive is left alone; whatever is already gone counts as done.
/// </summary>
internal sealed class Ec2CleanupExecutor
{
    private readonly IAmazonEC2 _ec2;
    private readonly string _region;
    private readonly Ec2InstanceLister _lister;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public Ec2CleanupExecutor(IAmazonEC2 ec2, string region, Ec2InstanceLister lister, TimeProvider time, ILogger logger)
    {
        _ec2 = ec2;
        _region = region;
        _lister = lister;
        _time = time;
        _logger = logger;
    }

    private int PageSize => _lister.Options.PageSize;

    /// <summary>Terminates the planned orphans that are still orphans; returns the outcomes and the ids terminated.</summary>
    public async Task<(List<Ec2CleanupOutcome> Outcomes, HashSet<string> Terminated)> TerminateAsync(
        IReadOnlyList<string> instanceIds, TimeSpan threshold, bool force, CancellationToken cancellationToken)
    {
        var outcomes = new List<Ec2CleanupOutcome>();
        var terminated = new HashSet<string>(StringComparer.Ordinal);
        if (instanceIds.Count == 0)
        {
            return (outcomes, terminated);
        }

        // The guard: re-read every instance (tags included) immediately before terminating it.
        var fresh = (await Ec2OrphanQueries.InstancesAsync(_ec2, "instance-id", instanceIds, PageSize, cancellationToken).ConfigureAwait(false))
            .Select(i => Ec2InstanceMapper.ToInfo(i, _region))
            .ToDictionary(i => i.InstanceId, StringComparer.Ordinal);
        var now = _time.GetUtcNow();
        var go = new List<(string Id, string Reason)>();
        foreach (var id in instanceIds.Distinct(StringComparer.Ordinal))
        {
            if (!fresh.TryGetValue(id, out var info))
            {
                outcomes.Add(Line(id, Ec2CleanupAction.AlreadyGone, "not found (already terminated)"));
                continue;
            }

            if (info.State is Ec2InstanceState.ShuttingDown or Ec2InstanceState.Terminated)
            {
                outcomes.Add(Line(id, Ec2CleanupAction.AlreadyGone, "already " + Ec2OrphanRules.StateName(info.State)));
                continue;
            }

            var verdict = _lister.Evaluate(info, now, threshold, force);
            if (!verdict.IsOrphan)
            {
                var reason = verdict.KeepReason == Ec2KeepReason.NotAcode
                    ? $"no longer tagged {Ec2TagKeys.Acode}={Ec2TagKeys.AcodeValue}; left alone"
                    : verdict.Description;
                Ec2Log.OrphanSkipped(_logger, id, _region, reason);
                outcomes.Add(Line(id, Ec2CleanupAction.Skipped, reason));
                continue;
            }

            go.Add((id, verdict.Description));
        }

        foreach (var chunk in go.Chunk(Ec2OrphanDefaults.IdBatchSize))
        {
            foreach (var (id, action, reason) in await TerminateChunkAsync(chunk, cancellationToken).ConfigureAwait(false))
            {
                outcomes.Add(Line(id, action, reason));
                if (action == Ec2CleanupAction.Terminated)
                {
                    terminated.Add(id);
                    Ec2Log.OrphanTerminated(_logger, id, _region, reason);
                }
            }
        }

        return (outcomes, terminated);
    }

    /// <summary>Deletes a key pair after checking again that it is acode's and unused.</summary>
    public async Task<Ec2CleanupOutcome> DeleteKeyPairAsync(Ec2TempResource key, IReadOnlySet<string> terminating, CancellationToken cancellationToken)
    {
        try
        {
            var current = await Ec2OrphanQueries.KeyPairsAsync(_ec2, cancellationToken, [key.Id]).ConfigureAwait(false);
            if (await RecheckAsync(key, current.Count == 0 ? null : current[0].Tags, "key-name", key.Name, terminating, cancellationToken).ConfigureAwait(false) is { } early)
            {
                return early;
            }

            await _ec2.DeleteKeyPairAsync(new DeleteKeyPairRequest { KeyPairId = key.Id }, cancellationToken).ConfigureAwait(false);
            Ec2Log.TempResourceDeleted(_logger, key.Kind, key.Id, key.Name, _region);
            return Line(key, Ec2CleanupAction.Deleted, key.Reason);
        }
        catch (AmazonServiceException ex)
        {
            return Failure(key, ex);
        }
    }

    /// <summary>
    /// Deletes a security group after checking again that it is acode's and unused, through
    /// <see cref="Ec2SecurityGroupManager.DeleteAsync(string, TimeSpan, TimeSpan, CancellationToken)"/>: <c>DependencyViolation</c>
    /// (an instance terminated a moment ago still holds it) is retried until the options' timeout.
    /// </summary>
    public async Task<Ec2CleanupOutcome> DeleteSecurityGroupAsync(Ec2TempResource group, IReadOnlySet<string> terminating, CancellationToken cancellationToken)
    {
        try
        {
            var current = await Ec2OrphanQueries.SecurityGroupsAsync(_ec2, PageSize, cancellationToken, [group.Id]).ConfigureAwait(false);
            if (await RecheckAsync(group, current.Count == 0 ? null : current[0].Tags, "instance.group-id", group.Id, terminating, cancellationToken).ConfigureAwait(false) is { } early)
            {
                return early;
            }

            var options = _lister.Options;
            var started = _time.GetTimestamp();
            using var bound = new CancellationTokenSource(options.DependencyTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bound.Token);
            try
            {
                var deleted = await new Ec2SecurityGroupManager(_ec2, _time, _logger)
                    .DeleteAsync(group.Id, options.DependencyFirstBackoff, options.DependencyMaxBackoff, linked.Token).ConfigureAwait(false);
                if (!deleted)
                {
                    return Line(group, Ec2CleanupAction.AlreadyGone, "not found (already deleted)");
                }

                Ec2Log.TempResourceDeleted(_logger, group.Kind, group.Id, group.Name, _region);
                return Line(group, Ec2CleanupAction.Deleted, group.Reason);
            }
            catch (OperationCanceledException) when (bound.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                var elapsed = _time.GetElapsedTime(started);
                Ec2Log.CleanupFailed(_logger, group.Kind, group.Id, _region, AwsErrorCodes.DependencyViolation);
                return Line(group, Ec2CleanupAction.Failed, $"{AwsErrorCodes.DependencyViolation}: still has dependent objects after {Ec2OrphanRules.FormatDuration(elapsed)}");
            }
        }
        catch (AmazonServiceException ex)
        {
            return Failure(group, ex);
        }
    }

    private async Task<Ec2CleanupOutcome?> RecheckAsync(
        Ec2TempResource resource, List<Tag>? tags, string usageFilter, string usageValue, IReadOnlySet<string> terminating, CancellationToken cancellationToken)
    {
        if (tags is null)
        {
            return Line(resource, Ec2CleanupAction.AlreadyGone, "not found (already deleted)");
        }

        if (!Ec2OrphanRules.IsAcode(Ec2InstanceMapper.ToDictionary(tags)))
        {
            return Line(resource, Ec2CleanupAction.Skipped, $"no longer tagged {Ec2TagKeys.Acode}={Ec2TagKeys.AcodeValue}; left alone");
        }

        var users = await Ec2OrphanQueries.InstancesAsync(_ec2, usageFilter, [usageValue], PageSize, cancellationToken, Ec2OrphanQueries.NotTerminated()).ConfigureAwait(false);
        var blocking = Ec2TempResourcePlanner.Blocking(users, terminating);
        return blocking.Count > 0 ? Line(resource, Ec2CleanupAction.Skipped, "in use by " + string.Join(", ", blocking)) : null;
    }

    private async Task<List<(string Id, Ec2CleanupAction Action, string Reason)>> TerminateChunkAsync((string Id, string Reason)[] chunk, CancellationToken cancellationToken)
    {
        try
        {
            await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [.. chunk.Select(c => c.Id)] }, cancellationToken).ConfigureAwait(false);
            return [.. chunk.Select(c => (c.Id, Ec2CleanupAction.Terminated, c.Reason))];
        }
        catch (AmazonServiceException) when (chunk.Length > 1)
        {
            // One bad id fails the whole call: go one by one to say which.
            var results = new List<(string, Ec2CleanupAction, string)>();
            foreach (var item in chunk)
            {
                results.AddRange(await TerminateChunkAsync([item], cancellationToken).ConfigureAwait(false));
            }

            return results;
        }
        catch (AmazonServiceException ex) when (AwsErrorCodes.IsAlreadyGone(ex.ErrorCode))
        {
            return [(chunk[0].Id, Ec2CleanupAction.AlreadyGone, "not found (already terminated)")];
        }
        catch (AmazonServiceException ex)
        {
            Ec2Log.CleanupFailed(_logger, Ec2CleanupResourceKind.Instance, chunk[0].Id, _region, ex.ErrorCode ?? "unknown");
            return [(chunk[0].Id, Ec2CleanupAction.Failed, ex.ErrorCode ?? ex.Message)];
        }
    }

    private Ec2CleanupOutcome Failure(Ec2TempResource resource, AmazonServiceException ex)
    {
        if (AwsErrorCodes.IsAlreadyGone(ex.ErrorCode))
        {
            return Line(resource, Ec2CleanupAction.AlreadyGone, "not found (already deleted)");
        }

        Ec2Log.CleanupFailed(_logger, resource.Kind, resource.Id, _region, ex.ErrorCode ?? "unknown");
        return Line(resource, Ec2CleanupAction.Failed, ex.ErrorCode ?? ex.Message);
    }

    private Ec2CleanupOutcome Line(string instanceId, Ec2CleanupAction action, string reason) =>
        new(Ec2CleanupResourceKind.Instance, instanceId, null, _region, action, reason);

    private static Ec2CleanupOutcome Line(Ec2TempResource resource, Ec2CleanupAction action, string reason) =>
        new(resource.Kind, resource.Id, resource.Name, resource.Region, action, reason);
}
