using Acode.Application.Compute.Ec2.Spot;
using Acode.Infrastructure.Compute.Ec2.Lifecycle;
using Acode.Infrastructure.Compute.Ec2.Provisioning;
using Acode.Infrastructure.Compute.Ec2.Tagging;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2.Spot;

/// <summary>
/// Spot through EC2 Fleet (issue 13): one <c>instant</c> fleet with allocation <c>price-capacity-optimized</c> over
/// every spot attempt of the plan (each type in each candidate subnet is a pool, capped at <c>spotMaxPrice</c>), so EC2
/// picks the pool with the best mix of price and spare capacity. The fleet launches from a launch template made for
/// this launch (tagged like the instance) and deleted as soon as CreateFleet answers: an instant fleet needs it only
/// while launching. The result is the instance, or every pool the fleet refused, for the on-demand fallback.
/// </summary>
public sealed class Ec2SpotFleet
{
    private const int DescribeTries = 5;

    private readonly IAmazonEC2 _ec2;
    private readonly Ec2InstanceManager _instances;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the launcher.</summary>
    /// <param name="ec2">The region's client.</param>
    /// <param name="instances">Terminates an instance the fleet launched but that could not be described.</param>
    /// <param name="timeProvider">The clock of the bounded calls.</param>
    /// <param name="logger">The logger.</param>
    public Ec2SpotFleet(IAmazonEC2 ec2, Ec2InstanceManager instances, TimeProvider timeProvider, ILogger logger)
    {
        _ec2 = ec2 ?? throw new ArgumentNullException(nameof(ec2));
        _instances = instances ?? throw new ArgumentNullException(nameof(instances));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Launches one instance from the best pool of <paramref name="attempts"/> (all spot).</summary>
    /// <param name="request">The launch (configuration, tags, token, root device).</param>
    /// <param name="attempts">The spot attempts, one per type and subnet; at least one.</param>
    /// <param name="cancellationToken">Checked before the fleet is asked; the calls themselves run on a bounded token so a launched instance is always known.</param>
    public async Task<FleetLaunchResult<Instance>> LaunchAsync(Ec2LaunchRequest request, IReadOnlyList<LaunchAttempt> attempts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (attempts is not { Count: > 0 } || attempts.Any(a => !a.IsSpot))
        {
            throw new ArgumentException("A spot fleet needs at least one attempt, all spot.", nameof(attempts));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var first = attempts[0];
        var token = first.ClientToken(request.LaunchToken);
        var run = Ec2RunInstancesRequests.Build(request.Configuration, first, request.LaunchToken, request.Tags, request.RootDeviceName);
        using var bound = new CancellationTokenSource(Ec2TargetTimeouts.Launch, _time);
        var template = (await _ec2.CreateLaunchTemplateAsync(
            new CreateLaunchTemplateRequest
            {
                LaunchTemplateName = "acode-" + token,
                ClientToken = token,
                LaunchTemplateData = Ec2LaunchTemplateData.From(run),
                TagSpecifications = [Ec2TagSpecifications.For(ResourceType.LaunchTemplate, request.Tags)],
            },
            bound.Token).ConfigureAwait(false)).LaunchTemplate.LaunchTemplateId;
        CreateFleetResponse fleet;
        try
        {
            fleet = await _ec2.CreateFleetAsync(Fleet(template, attempts, token), bound.Token).ConfigureAwait(false);
        }
        finally
        {
            await DeleteTemplateAsync(template).ConfigureAwait(false);
        }

        var requestId = fleet.ResponseMetadata?.RequestId;
        var refused = (fleet.Errors ?? [])
            .Select(e => new LaunchFailure(Match(attempts, e.LaunchTemplateAndOverrides?.Overrides), e.ErrorCode, e.ErrorMessage ?? string.Empty, requestId))
            .ToList();
        if ((fleet.Instances ?? []).FirstOrDefault(i => i.InstanceIds is { Count: > 0 }) is { } launched)
        {
            var instance = await DescribeAsync(launched.InstanceIds[0]).ConfigureAwait(false);
            return new FleetLaunchResult<Instance>(instance, Match(attempts, launched.LaunchTemplateAndOverrides?.Overrides), refused);
        }

        // A refusal that is not about capacity or price (a bad parameter, a missing permission) is the user's to fix.
        if (refused.FirstOrDefault(f => !AwsErrorCodes.IsCapacity(f.AwsErrorCode)) is { } other)
        {
            throw new AmazonEC2Exception(other.Message, ErrorType.Sender, other.AwsErrorCode, requestId, System.Net.HttpStatusCode.BadRequest);
        }

        return new FleetLaunchResult<Instance>(null, null, refused.Count > 0 ? refused : [new LaunchFailure(first, "InsufficientInstanceCapacity", "the fleet launched nothing", requestId)]);
    }

    private static CreateFleetRequest Fleet(string template, IReadOnlyList<LaunchAttempt> attempts, string token) => new()
    {
        Type = FleetType.Instant,
        ClientToken = token,
        TargetCapacitySpecification = new TargetCapacitySpecificationRequest { TotalTargetCapacity = 1, DefaultTargetCapacityType = DefaultTargetCapacityType.Spot },
        SpotOptions = new SpotOptionsRequest { AllocationStrategy = SpotAllocationStrategy.PriceCapacityOptimized },
        LaunchTemplateConfigs =
        [
            new FleetLaunchTemplateConfigRequest
            {
                LaunchTemplateSpecification = new FleetLaunchTemplateSpecificationRequest { LaunchTemplateId = template, Version = "$Latest" },
                Overrides = [.. attempts.Select(a => new FleetLaunchTemplateOverridesRequest
                {
                    InstanceType = InstanceType.FindValue(a.InstanceType),
                    SubnetId = a.SubnetId,
                    MaxPrice = a.SpotMaxPrice?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                })],
            },
        ],
    };

    // The plan's attempt a pool stands for (same type and subnet); the first attempt of that type when the reply names no subnet.
    private static LaunchAttempt Match(IReadOnlyList<LaunchAttempt> attempts, FleetLaunchTemplateOverrides? pool) =>
        attempts.FirstOrDefault(a => a.InstanceType == pool?.InstanceType?.Value && a.SubnetId == pool?.SubnetId)
        ?? attempts.FirstOrDefault(a => a.InstanceType == pool?.InstanceType?.Value)
        ?? attempts[0];

    // Just after launch DescribeInstances may not know the id yet (eventual consistency); if it never does, the
    // instance is terminated rather than left running unseen.
    private async Task<Instance> DescribeAsync(string instanceId)
    {
        using var bound = new CancellationTokenSource(Ec2TargetTimeouts.Launch, _time);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] }, bound.Token).ConfigureAwait(false);
                if (response.Reservations?.SelectMany(r => r.Instances).FirstOrDefault() is { } instance)
                {
                    return instance;
                }
            }
            catch (AmazonEC2Exception e) when (e.ErrorCode == "InvalidInstanceID.NotFound" && attempt < DescribeTries)
            {
            }
            catch (Exception) when (attempt >= DescribeTries || bound.IsCancellationRequested)
            {
                using var cleanup = new CancellationTokenSource(Ec2TargetTimeouts.Cleanup, _time);
                await _instances.TerminateAsync(instanceId, cleanup.Token).ConfigureAwait(false);
                throw;
            }

            await Task.Delay(TimeSpan.FromSeconds(attempt), _time, bound.Token).ConfigureAwait(false);
        }
    }

    // Best effort: a template left behind costs nothing and carries acode's tags for cleanup to find.
    private async Task DeleteTemplateAsync(string templateId)
    {
        try
        {
            using var cleanup = new CancellationTokenSource(Ec2TargetTimeouts.Cleanup, _time);
            await _ec2.DeleteLaunchTemplateAsync(new DeleteLaunchTemplateRequest { LaunchTemplateId = templateId }, cleanup.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or OperationCanceledException)
        {
            Ec2Log.LaunchTemplateNotDeleted(_logger, templateId, e);
        }
    }
}
