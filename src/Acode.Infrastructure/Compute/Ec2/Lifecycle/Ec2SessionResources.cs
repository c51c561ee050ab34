using Acode.Application.Compute.Ec2;
using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.KeyPairs;
using Acode.Infrastructure.Compute.Ec2.Network;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2.Lifecycle;

/// <summary>
/// What one EC2 target session created in AWS, recorded the moment each creation is attempted (before the reply), and
/// removed in the right order: instances terminated, key pair deleted, then, once the instance has released them, the
/// temporary security group and an allocated Elastic IP. A creation whose reply never came (cancelled or dropped) is
/// found by the session tag. Every step is idempotent and runs on the caller's bounded cleanup token.
/// </summary>
internal sealed class Ec2SessionResources
{
    private readonly string _sessionId;
    private readonly string _region;
    private readonly Ec2InstanceManager _instances;
    private readonly Ec2KeyPairManager _keyPairs;
    private readonly Ec2SecurityGroupManager _groups;
    private readonly Ec2ElasticIpManager _addresses;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HashSet<string> _liveInstances = new(StringComparer.Ordinal);
    private readonly List<(string InstanceId, Ec2InstanceState State)> _terminated = [];
    private readonly Lock _gate = new();

    public Ec2SessionResources(
        string sessionId, string region, Ec2InstanceManager instances, Ec2KeyPairManager keyPairs, Ec2SecurityGroupManager groups,
        Ec2ElasticIpManager addresses, TimeProvider time, ILogger logger)
    {
        _sessionId = sessionId;
        _region = region;
        _instances = instances;
        _keyPairs = keyPairs;
        _groups = groups;
        _addresses = addresses;
        _time = time;
        _logger = logger;
    }

    /// <summary>Gets or sets the imported key pair's name (set before ImportKeyPair is sent) and its key file.</summary>
    public (string Name, string? PrivateKeyPath)? KeyPair { get; set; }

    /// <summary>Gets or sets a value indicating whether CreateSecurityGroup was sent.</summary>
    public bool SecurityGroupRequested { get; set; }

    /// <summary>Gets or sets the temporary security group's id once known.</summary>
    public string? SecurityGroupId { get; set; }

    /// <summary>Gets or sets a value indicating whether RunInstances was sent.</summary>
    public bool LaunchRequested { get; set; }

    /// <summary>Gets or sets the Elastic IP allocation acode made (released at cleanup).</summary>
    public string? AllocatedElasticIp { get; set; }

    /// <summary>Records a launched instance.</summary>
    public void AddInstance(string instanceId)
    {
        lock (_gate)
        {
            _liveInstances.Add(instanceId);
        }
    }

    /// <summary>Gets a value indicating whether anything may still exist.</summary>
    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _liveInstances.Count == 0 && KeyPair is null && !SecurityGroupRequested && AllocatedElasticIp is null && !LaunchRequested;
            }
        }
    }

    /// <summary>
    /// Hands over the instances EC2 confirmed shutting down or gone since the last call, for the observer to report
    /// once cleanup is over (nothing but EC2 runs on cleanup's path).
    /// </summary>
    public IReadOnlyList<(string InstanceId, Ec2InstanceState State)> TakeTerminated()
    {
        lock (_gate)
        {
            var taken = _terminated.ToArray();
            _terminated.Clear();
            return taken;
        }
    }

    /// <summary>Removes everything through EC2 calls alone; <see cref="TakeTerminated"/> then names what was terminated.</summary>
    /// <exception cref="Ec2CleanupIncompleteException">Something may remain (named).</exception>
    public async Task CleanupAsync(CancellationToken cancellationToken)
    {
        var remaining = new List<string>();
        Exception? last = null;

        async Task StepAsync(string resource, Func<Task> step)
        {
            try
            {
                await step().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Ec2Log.TeardownStepFailed(_logger, _sessionId, resource, ex);
                remaining.Add(resource);
                last = ex;
            }
        }

        await StepAsync($"instances of session {_sessionId} ({_region})", () => TerminateInstancesAsync(cancellationToken)).ConfigureAwait(false);
        if (KeyPair is { } key)
        {
            await StepAsync($"key pair {key.Name} ({_region})", async () =>
            {
                await _keyPairs.DeleteAsync(key.Name, key.PrivateKeyPath, cancellationToken).ConfigureAwait(false);
                KeyPair = null;
            }).ConfigureAwait(false);
        }

        if (SecurityGroupRequested)
        {
            await StepAsync($"security group {SecurityGroupId ?? Ec2SecurityGroupManager.GroupName(_sessionId)} ({_region})", async () =>
            {
                var groups = SecurityGroupId is { } id ? [id] : await _groups.FindSessionGroupsAsync(_sessionId, cancellationToken).ConfigureAwait(false);
                foreach (var group in groups)
                {
                    await _groups.DeleteAsync(group, cancellationToken).ConfigureAwait(false);
                }

                SecurityGroupRequested = false;
                SecurityGroupId = null;
            }).ConfigureAwait(false);
        }

        if (AllocatedElasticIp is { } allocation)
        {
            await StepAsync($"Elastic IP {allocation} ({_region})", async () =>
            {
                await _addresses.ReleaseAsync(allocation, cancellationToken).ConfigureAwait(false);
                AllocatedElasticIp = null;
            }).ConfigureAwait(false);
        }

        if (remaining.Count > 0)
        {
            throw new Ec2CleanupIncompleteException(remaining, last);
        }
    }

    private async Task TerminateInstancesAsync(CancellationToken cancellationToken)
    {
        string[] known;
        lock (_gate)
        {
            known = [.. _liveInstances];
        }

        foreach (var instanceId in known)
        {
            await TerminateOneAsync(instanceId, cancellationToken).ConfigureAwait(false);
        }

        if (LaunchRequested && known.Length == 0)
        {
            // RunInstances was sent but no reply arrived: EC2 may still have launched. Look by the session tag, twice,
            // because a request the server was still processing when the client gave up becomes visible a moment later.
            for (var pass = 0; pass < 2; pass++)
            {
                var found = await Ec2Retry.TransientAsync(token => _instances.ListSessionInstancesAsync(_sessionId, token).ToListAsync(token).AsTask(), _time, cancellationToken).ConfigureAwait(false);
                foreach (var instance in found.Where(i => i.State is not (Ec2InstanceState.ShuttingDown or Ec2InstanceState.Terminated)))
                {
                    await TerminateOneAsync(instance.InstanceId, cancellationToken).ConfigureAwait(false);
                }

                if (pass == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), _time, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        LaunchRequested = false;
    }

    private async Task TerminateOneAsync(string instanceId, CancellationToken cancellationToken)
    {
        var state = await _instances.TerminateWithStateAsync(instanceId, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _liveInstances.Remove(instanceId);
            _terminated.Add((instanceId, state));
        }
    }
}
