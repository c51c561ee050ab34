using Acode.Domain.Compute.Ec2;

namespace Acode.Application.Compute.Ec2;

/// <summary>
/// Looks at and changes instances (FR-061..071). Stop/Start/Terminate are idempotent: an instance already in the
/// asked-for state, or gone (NotFound), is success.
/// </summary>
public interface IEc2InstanceManager
{
    /// <summary>The instance, or null when EC2 no longer knows it.</summary>
    Task<Ec2InstanceInfo?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>The current state; <see cref="Ec2InstanceState.Terminated"/> when EC2 no longer knows the instance.</summary>
    Task<Ec2InstanceState> GetStateAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Starts a stopped instance (FR-067); it gets a new public address, so callers wait for SSH again.</summary>
    Task StartAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Stops an instance, preserving it (FR-066); EBS and Elastic IPs keep billing while stopped.</summary>
    Task StopAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Terminates an instance (FR-068..071); already terminated or not found is success.</summary>
    Task TerminateAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every instance tagged <c>acode=true</c> in the region, any state but terminated. Changed from the sketch: pages
    /// through DescribeInstances' NextToken lazily instead of returning the first page only.
    /// </summary>
    IAsyncEnumerable<Ec2InstanceInfo> ListAcodeInstancesAsync(string region, CancellationToken cancellationToken = default);
}
