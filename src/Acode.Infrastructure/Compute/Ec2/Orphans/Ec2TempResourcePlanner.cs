using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Tagging;
using Amazon.EC2;
using Amazon.EC2.Model;
using Acode.Infrastructure.Compute.Ec2.Provisioning;

namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>
/// Decides which acode-tagged security groups and key pairs of a region can go. One goes when it carries
/// <c>acode=true</c>, no instance outside this cleanup uses it (security groups: no non-terminated instance; ones
/// being terminated now only make the deletion wait), its session is not alive here (unless forced), and it is
/// demonstrably abandoned: past its <c>acode:expires-at</c>, or its session's instances are all gone or going, or it
/// is older than the threshold (key pairs have a creation time; security groups have none, so for them only a zero
/// threshold counts). A group made a second before RunInstances on another machine is therefore never swept.
/// </summary>
internal sealed class Ec2TempResourcePlanner
{
    private readonly IAmazonEC2 _ec2;
    private readonly string _region;
    private readonly int _pageSize;
    private readonly Func<string, bool> _isSessionAlive;

    public Ec2TempResourcePlanner(IAmazonEC2 ec2, string region, int pageSize, Func<string, bool> isSessionAlive)
    {
        _ec2 = ec2;
        _region = region;
        _pageSize = pageSize;
        _isSessionAlive = isSessionAlive;
    }

    public async Task<(List<Ec2TempResource> Delete, List<Ec2TempResource> Keep)> PlanAsync(
        IReadOnlySet<string> terminating, DateTimeOffset now, TimeSpan threshold, bool force, CancellationToken cancellationToken)
    {
        var groups = await Ec2OrphanQueries.SecurityGroupsAsync(_ec2, _pageSize, cancellationToken).ConfigureAwait(false);
        var keys = await Ec2OrphanQueries.KeyPairsAsync(_ec2, cancellationToken).ConfigureAwait(false);
        var delete = new List<Ec2TempResource>();
        var keep = new List<Ec2TempResource>();
        if (groups.Count == 0 && keys.Count == 0)
        {
            return (delete, keep);
        }

        var groupUsers = await Ec2OrphanQueries.InstancesAsync(
            _ec2, "instance.group-id", groups.Select(g => g.GroupId), _pageSize, cancellationToken, Ec2OrphanQueries.NotTerminated()).ConfigureAwait(false);
        var keyUsers = await Ec2OrphanQueries.InstancesAsync(
            _ec2, "key-name", keys.Select(k => k.KeyName), _pageSize, cancellationToken, Ec2OrphanQueries.NotTerminated()).ConfigureAwait(false);
        var sessionIds = groups.Select(g => Ec2OrphanRules.SessionId(Ec2InstanceMapper.ToDictionary(g.Tags)))
            .Concat(keys.Select(k => Ec2OrphanRules.SessionId(Ec2InstanceMapper.ToDictionary(k.Tags))))
            .OfType<string>();
        var sessionInstances = (await Ec2OrphanQueries.InstancesAsync(_ec2, "tag:" + Ec2TagKeys.Session, sessionIds, _pageSize, cancellationToken).ConfigureAwait(false))
            .ToLookup(i => Ec2OrphanRules.SessionId(Ec2InstanceMapper.ToDictionary(i.Tags)) ?? string.Empty, StringComparer.Ordinal);

        foreach (var group in groups)
        {
            var users = groupUsers.Where(i => i.SecurityGroups?.Exists(g => g.GroupId == group.GroupId) == true).ToList();
            var context = new Candidate(Ec2CleanupResourceKind.SecurityGroup, group.GroupId, group.GroupName, Ec2InstanceMapper.ToDictionary(group.Tags), null, users);
            (Decide(context, terminating, sessionInstances, now, threshold, force, out var resource) ? delete : keep).Add(resource);
        }

        foreach (var key in keys)
        {
            var users = keyUsers.Where(i => i.KeyName == key.KeyName).ToList();
            var created = key.CreateTime is { } t ? Ec2InstanceMapper.ToUtc(t) : (DateTimeOffset?)null;
            var context = new Candidate(Ec2CleanupResourceKind.KeyPair, key.KeyPairId ?? key.KeyName, key.KeyName, Ec2InstanceMapper.ToDictionary(key.Tags), created, users);
            (Decide(context, terminating, sessionInstances, now, threshold, force, out var resource) ? delete : keep).Add(resource);
        }

        return (delete, keep);
    }

    /// <summary>
    /// Instances that block deleting a resource: not terminated, not shutting down, not being terminated by this cleanup.
    /// </summary>
    public static List<string> Blocking(IEnumerable<Instance> users, IReadOnlySet<string> terminating) =>
        [.. users.Where(i => !terminating.Contains(i.InstanceId) && IsStaying(i)).Select(i => i.InstanceId)];

    private static bool IsStaying(Instance instance) =>
        Ec2InstanceMapper.ToState(instance.State?.Name?.Value) is not (Ec2InstanceState.ShuttingDown or Ec2InstanceState.Terminated);

    private bool Decide(
        Candidate c, IReadOnlySet<string> terminating, ILookup<string, Instance> sessionInstances, DateTimeOffset now, TimeSpan threshold, bool force, out Ec2TempResource resource)
    {
        var session = Ec2OrphanRules.SessionId(c.Tags);
        Ec2TempResource Make(string reason, IReadOnlyList<string>? waitsFor = null) => new()
        {
            Kind = c.Kind, Id = c.Id, Name = c.Name, Region = _region, SessionId = session, Reason = reason, WaitsFor = waitsFor ?? [],
        };

        if (!Ec2OrphanRules.IsAcode(c.Tags))
        {
            // Found by its name alone: acode tags everything at creation, so this one is someone else's (or was re-tagged).
            resource = Make($"named like acode's but not tagged {Ec2TagKeys.Acode}={Ec2TagKeys.AcodeValue}: never touched (delete it yourself if it is yours)");
            return false;
        }

        var blocking = Blocking(c.Users, terminating);
        if (blocking.Count > 0)
        {
            resource = Make("in use by " + string.Join(", ", blocking));
            return false;
        }

        if (!force && session is not null && _isSessionAlive(session))
        {
            resource = Make($"session {session} is alive on this machine");
            return false;
        }

        var expired = Ec2OrphanRules.ExpiresAt(c.Tags) is { } expiry && expiry <= now;
        var mine = session is null ? [] : sessionInstances[session].ToList();
        var sessionOver = mine.Count > 0 && mine.TrueForAll(i => terminating.Contains(i.InstanceId) || !IsStaying(i));
        var oldEnough = c.Kind == Ec2CleanupResourceKind.KeyPair
            ? c.Created is { } created && now - created >= threshold
            : threshold == TimeSpan.Zero;
        if (!expired && !sessionOver && !oldEnough)
        {
            var age = c.Created is { } t ? $"created {Ec2OrphanRules.FormatDuration(now - t)} ago" : "age unknown";
            resource = Make($"not known to be abandoned yet ({age}, no instance of its session gone, not expired)");
            return false;
        }

        var reasons = new List<string>();
        if (expired)
        {
            reasons.Add("expired");
        }

        if (sessionOver)
        {
            reasons.Add($"its session's instances are gone or going ({string.Join(", ", mine.Select(i => i.InstanceId))})");
        }

        if (oldEnough)
        {
            reasons.Add(c.Created is { } t ? $"created {Ec2OrphanRules.FormatDuration(now - t)} ago" : "threshold is zero");
        }

        // Only this cleanup's own terminations are listed: if one of them fails, the group is skipped. Instances that were
        // already shutting down are simply outlasted by the DependencyViolation retries.
        var waits = c.Kind == Ec2CleanupResourceKind.SecurityGroup
            ? c.Users.Where(i => terminating.Contains(i.InstanceId)).Select(i => i.InstanceId).ToList()
            : [];
        resource = Make("unused; " + string.Join("; ", reasons), waits);
        return true;
    }

    private sealed record Candidate(
        Ec2CleanupResourceKind Kind, string Id, string Name, IReadOnlyDictionary<string, string> Tags, DateTimeOffset? Created, List<Instance> Users);
}
