using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Spot;
using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Ami;
using Acode.Infrastructure.Compute.Ec2.Lifecycle;
using Acode.Infrastructure.Compute.Ec2.Network;
using Acode.Infrastructure.Compute.Ec2.Spot;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2.Provisioning;

/// <summary>
/// Launches instances and waits for them (FR-021..040). Changed from the spec's sketch: RunInstances carries a
/// ClientToken per attempt (a retried call never launches twice), the spot flag and every configured launch parameter
/// are honoured, attempts are tried in order with fallback on capacity errors, the running wait polls at the configured
/// interval starting immediately, and the SSH wait does real handshakes with authentication and host-key checks
/// (<see cref="Ec2SshReadinessWaiter"/>) and throws instead of returning false. Every wait runs on the TimeProvider.
/// </summary>
public sealed class Ec2InstanceProvisioner : IEc2InstanceProvisioner
{
    private readonly IAmazonEC2 _ec2;
    private readonly Ec2InstanceManager _instances;
    private readonly Ec2AmiResolver _amis;
    private readonly Ec2Configuration _configuration;
    private readonly IReadOnlyDictionary<string, string> _tags;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Ec2SshReadinessWaiter _ssh;
    private readonly SpotLaunchExecutor _spot;
    private readonly Ec2SpotFleet _fleet;
    private int _launches;

    /// <summary>Initializes a new instance of the <see cref="Ec2InstanceProvisioner"/> class.</summary>
    /// <param name="ec2">The EC2 client.</param>
    /// <param name="instances">Describes and terminates instances.</param>
    /// <param name="amis">Resolves the AMI.</param>
    /// <param name="configuration">Poll interval, timeouts and SSH retries come from here.</param>
    /// <param name="sessionId">The session id; client tokens derive from it.</param>
    /// <param name="tags">The tags for instances and volumes.</param>
    /// <param name="timeProvider">The clock of every wait.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="spot">Runs the launch attempts; null = one without events.</param>
    public Ec2InstanceProvisioner(
        IAmazonEC2 ec2, Ec2InstanceManager instances, Ec2AmiResolver amis, Ec2Configuration configuration, string sessionId, IReadOnlyDictionary<string, string> tags,
        TimeProvider timeProvider, ILogger logger, SpotLaunchExecutor? spot = null)
    {
        _ec2 = ec2;
        _instances = instances;
        _amis = amis;
        _configuration = configuration;
        SessionId = sessionId;
        _tags = tags;
        _time = timeProvider;
        _logger = logger;
        _ssh = new Ec2SshReadinessWaiter(ec2, configuration, timeProvider, logger);
        _spot = spot ?? new SpotLaunchExecutor(timeProvider);
        _fleet = new Ec2SpotFleet(ec2, instances, timeProvider, logger);
    }

    /// <summary>Gets the session id.</summary>
    public string SessionId { get; }

    /// <summary>Gets or sets how <see cref="WaitForSshReadyAsync(string, string, int, TimeSpan, CancellationToken)"/> logs in; set once the key is known.</summary>
    public Ec2SshAccess? SshAccess { get; set; }

    /// <summary>Gets or sets a callback given every instance description a wait observes (state tracking, FR-061..065).</summary>
    public Func<Ec2InstanceInfo, ValueTask>? Observed { get; set; }

    /// <inheritdoc />
    public async Task<Ec2InstanceInfo> ProvisionAsync(Ec2Configuration configuration, CancellationToken cancellationToken = default)
    {
        var image = await _amis.ResolveAsync(configuration.AmiId, configuration.SshUser, configuration.Region, configuration.InstanceType, cancellationToken).ConfigureAwait(false);
        var launched = await LaunchAsync(NewRequest(configuration with { AmiId = image.ImageId }, image.RootDeviceName), null, cancellationToken).ConfigureAwait(false);
        try
        {
            return await WaitForRunningAsync(launched.InstanceId, configuration.ProvisionTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            using var cleanup = new CancellationTokenSource(Ec2TargetTimeouts.Cleanup, _time);
            await _instances.TerminateAsync(launched.InstanceId, cleanup.Token).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A launch request for <paramref name="configuration"/> with a fresh client token prefix and the default plan.</summary>
    /// <param name="configuration">The resolved configuration.</param>
    /// <param name="rootDeviceName">The AMI's root device.</param>
    /// <param name="subnets">The subnets to walk through on capacity errors (<see cref="Network.Ec2LaunchSubnets"/>); none = as configured.</param>
    public Ec2LaunchRequest NewRequest(Ec2Configuration configuration, string rootDeviceName, IReadOnlyList<(string SubnetId, string AvailabilityZone)>? subnets = null) => new()
    {
        Configuration = configuration,
        Attempts = SpotLaunchPlanner.AcrossSubnets(SpotLaunchPlanner.Plan(configuration), subnets ?? []),
        Tags = _tags,
        LaunchToken = $"{SessionId}-{Interlocked.Increment(ref _launches)}",
        RootDeviceName = rootDeviceName,
    };

    /// <summary>
    /// Tries the attempts through <see cref="SpotLaunchExecutor"/>: the spot ones as one EC2 Fleet (<see cref="Ec2SpotFleet"/>),
    /// then the on-demand ones in order (the next one only after a capacity or price refusal; a spot-to-on-demand
    /// fallback is published as an event), and returns the launched (pending) instance.
    /// </summary>
    /// <param name="request">The launch.</param>
    /// <param name="launched">Told the instance as soon as RunInstances returns, before anything else can fail.</param>
    /// <param name="cancellationToken">Cancels the launch.</param>
    /// <exception cref="Ec2CapacityException">Every attempt was refused for capacity or price.</exception>
    public async Task<Ec2InstanceInfo> LaunchAsync(Ec2LaunchRequest request, Func<Ec2InstanceInfo, ValueTask>? launched, CancellationToken cancellationToken = default)
    {
        LaunchOutcome<Instance> outcome;
        try
        {
            outcome = await _spot.ExecuteAsync(
                request.Configuration,
                request.Attempts,
                async (attempt, token) =>
                {
                    token.ThrowIfCancellationRequested();

                    // Not the caller's token: a RunInstances abandoned mid-flight may still launch, and then nobody knows
                    // the instance id. Letting the call finish (bounded) means a cancelled launch is always terminated.
                    using var launchBound = new CancellationTokenSource(Ec2TargetTimeouts.Launch, _time);
                    var run = Ec2RunInstancesRequests.Build(request.Configuration, attempt, request.LaunchToken, request.Tags, request.RootDeviceName);
                    return (await _ec2.RunInstancesAsync(run, launchBound.Token).ConfigureAwait(false)).Reservation.Instances[0];
                },
                null,
                (spot, token) => _fleet.LaunchAsync(request, spot, token),
                cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex)
        {
            throw Ec2Errors.Translate(ex, "RunInstances");
        }

        var instance = Ec2InstanceMapper.ToInfo(outcome.Result, request.Configuration.Region);
        Ec2Log.InstanceLaunched(_logger, instance.InstanceId, outcome.Attempt.InstanceType, outcome.Attempt.IsSpot, request.Configuration.Region);
        if (launched is not null)
        {
            await launched(instance).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return instance;
    }

    /// <inheritdoc />
    public Task<string> ResolveAmiAsync(string? amiId, string region, CancellationToken cancellationToken = default) =>
        Application.Compute.Ec2.Images.Ec2ImageAliases.For(amiId) is { } alias
            ? _amis.LatestAsync(alias, region, _configuration.InstanceType, cancellationToken)
            : Task.FromResult(amiId!);

    /// <inheritdoc />
    public async Task<Ec2InstanceInfo> WaitForRunningAsync(string instanceId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var last = Ec2InstanceState.Pending;
        try
        {
            while (true)
            {
                var instance = await _instances.GetInstanceAsync(instanceId, linked.Token).ConfigureAwait(false);
                if (instance is not null)
                {
                    last = instance.State;
                    if (Observed is { } observed)
                    {
                        await observed(instance).ConfigureAwait(false);
                    }

                    if (instance.State == Ec2InstanceState.Running && (Ec2Addresses.Select(instance, _configuration) is not null || _configuration.ElasticIp is not null))
                    {
                        return instance;
                    }

                    if (instance.State is not (Ec2InstanceState.Pending or Ec2InstanceState.Running))
                    {
                        throw new Ec2InstanceLostException(instanceId, instance.State, instance.StateReason);
                    }
                }

                await Task.Delay(_configuration.PollInterval, _time, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new Ec2ProvisioningTimeoutException(instanceId, timeout, last);
        }
    }

    /// <inheritdoc />
    public Task<Ec2SshReadiness> WaitForSshReadyAsync(string instanceId, string host, int port, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _ssh.WaitAsync(SshAccess ?? throw new InvalidOperationException("Set SshAccess before waiting for SSH."), instanceId, host, port, timeout, cancellationToken);
}
