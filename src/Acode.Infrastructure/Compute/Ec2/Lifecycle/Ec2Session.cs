using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Ami;
using Acode.Infrastructure.Compute.Ec2.InstanceTypes;
using Acode.Infrastructure.Compute.Ec2.KeyPairs;
using Acode.Infrastructure.Compute.Ec2.Network;
using Acode.Infrastructure.Compute.Ec2.Provisioning;
using Amazon.EC2;
using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2.Lifecycle;

/// <summary>
/// The AWS side of one prepared EC2 target: its clients (created only after the mode check), the managers built on
/// them and what it created (<see cref="Resources"/>). Only EC2 and SSM: cost, metrics and events are the
/// <see cref="Ec2LifecycleObserver"/>'s.
/// </summary>
internal sealed class Ec2Session : IAsyncDisposable
{
    private readonly IAmazonEC2 _ec2;
    private readonly IAmazonSimpleSystemsManagement _ssm;

    public Ec2Session(
        IAmazonEC2 ec2, IAmazonSimpleSystemsManagement ssm, Ec2Configuration configuration, string sessionId, IReadOnlyDictionary<string, string> tags,
        TimeProvider time, ILoggerFactory loggers, IEventPublisher events)
    {
        _ec2 = ec2;
        _ssm = ssm;
        var logger = loggers.CreateLogger<Ec2ComputeTarget>();
        Tags = tags;
        Instances = new Ec2InstanceManager(ec2, configuration.Region, time, logger);
        Amis = new Ec2AmiResolver(ec2, ssm, configuration.EndpointUrl?.ToString());
        KeyPairs = new Ec2KeyPairManager(ec2, time, logger);
        Groups = new Ec2SecurityGroupManager(ec2, time, logger);
        Addresses = new Ec2ElasticIpManager(ec2);
        Provisioner = new Ec2InstanceProvisioner(
            ec2, Instances, Amis, configuration, sessionId, tags, time, logger, new Spot.SpotLaunchExecutor(time, events, loggers.CreateLogger<Spot.SpotLaunchExecutor>()));
        Resources = new Ec2SessionResources(sessionId, configuration.Region, Instances, KeyPairs, Groups, Addresses, time, logger);
        InstanceTypes = new Ec2InstanceTypeChecker(new Ec2InstanceTypeService(ec2, configuration.Region, time, logger: loggers.CreateLogger<Ec2InstanceTypeService>()), ec2);
    }

    /// <summary>Gets the session's EC2 client (the spot watcher's DescribeInstances probe).</summary>
    public IAmazonEC2 Ec2 => _ec2;

    public IReadOnlyDictionary<string, string> Tags { get; }

    public Ec2InstanceManager Instances { get; }

    public Ec2AmiResolver Amis { get; }

    public Ec2KeyPairManager KeyPairs { get; }

    public Ec2SecurityGroupManager Groups { get; }

    public Ec2ElasticIpManager Addresses { get; }

    public Ec2InstanceProvisioner Provisioner { get; }

    /// <summary>Gets the live instance-type check run before launch.</summary>
    public Ec2InstanceTypeChecker InstanceTypes { get; }

    public Ec2SessionResources Resources { get; }

    public Ec2SshAccess? Access { get; set; }

    /// <summary>Releases the clients.</summary>
    public ValueTask DisposeAsync()
    {
        _ec2.Dispose();
        _ssm.Dispose();
        return ValueTask.CompletedTask;
    }
}
