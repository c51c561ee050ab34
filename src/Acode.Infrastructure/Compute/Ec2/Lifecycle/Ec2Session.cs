using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Domain.Compute.Ec2;
using Acode.Domain.Compute.Ec2.Events;
using Acode.Infrastructure.Compute.Ec2.Ami;
using Acode.Infrastructure.Compute.Ec2.InstanceTypes;
using Acode.Infrastructure.Compute.Ec2.KeyPairs;
using Acode.Infrastructure.Compute.Ec2.Network;
using Acode.Infrastructure.Compute.Ec2.Pricing;
using Acode.Infrastructure.Compute.Ec2.Provisioning;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2.Lifecycle;

/// <summary>
/// The AWS side of one prepared EC2 target: its clients (created only after the mode check), the managers built on
/// them, what it created (<see cref="Resources"/>) and its cost accounting (live spot prices and reservations, the
/// ledger on disk when one is given, alerts published as events once per crossing).
/// </summary>
internal sealed class Ec2Session : IAsyncDisposable
{
    private readonly IAmazonEC2 _ec2;
    private readonly IAmazonSimpleSystemsManagement _ssm;
    private readonly Ec2CostTracker _cost;
    private readonly AwsPriceListClient _listPrices;

    public Ec2Session(
        IAmazonEC2 ec2, IAmazonSimpleSystemsManagement ssm, Ec2Configuration configuration, string sessionId, IReadOnlyDictionary<string, string> tags,
        TimeProvider time, ILoggerFactory loggers, IEventPublisher events, IEc2CostLedger? ledger, AWSCredentials credentials)
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
        // Prices the offline catalogue lacks (other regions) come from the Price List, at the emulator's URL when one is set.
        _listPrices = new AwsPriceListClient(
            credentials, configuration.PricingEndpointUrl ?? configuration.EndpointUrl, time, logger: loggers.CreateLogger<AwsPriceListClient>());
        _cost = new Ec2CostTracker(
            time, new AwsEc2PriceSource(ec2, configuration.Region, time, logger: loggers.CreateLogger<AwsEc2PriceSource>()), configuration.SavingsPlan,
            configuration.CostAlertThreshold, configuration.PollInterval, ledger, _listPrices);

        // Subscribed once for the session, so a replacement instance does not double every alert.
        _cost.CostAlert += (_, alert) => _ = events.PublishAsync(alert);
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

    /// <summary>Starts accruing the instance's cost; alerts are published as events. An unpriced type accrues "cost unknown".</summary>
    public Task TrackCostAsync(Ec2InstanceInfo instance, CancellationToken cancellationToken) => _cost.TrackAsync(instance, cancellationToken);

    /// <summary>
    /// Stops accruing and returns the total; null when not tracked or no price is known ("cost unknown"). An instance
    /// already finished (an interrupted spot instance, stopped at its interruption) keeps its first end.
    /// </summary>
    public decimal? FinishCost(string instanceId, DateTimeOffset terminatedAt)
    {
        if (_cost.ToRecord(instanceId) is not { TerminatedAt: not null })
        {
            _cost.MarkTerminated(instanceId, terminatedAt);
        }

        return _cost.CalculateRunningCost(instanceId)?.TotalCost;
    }

    /// <summary>Writes every instance's final cost record to the ledger, then releases the clients.</summary>
    public async ValueTask DisposeAsync()
    {
        await _cost.DisposeAsync().ConfigureAwait(false);
        _listPrices.Dispose();
        _ec2.Dispose();
        _ssm.Dispose();
    }
}
