using System.Runtime.CompilerServices;
using Acode.Application.Compute.Ec2;
using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Provisioning;
using Acode.Infrastructure.Compute.Ec2.Tagging;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2.Lifecycle;

/// <summary>
/// Looks at and changes instances (FR-061..071). Stop, Start and Terminate are idempotent: an instance already in (or
/// on its way to) the asked-for state, or gone, is success. Throttling is retried until the caller's token ends it.
/// Listing pages through DescribeInstances with the SDK's paginator (the sketch read the first page only).
/// </summary>
public sealed class Ec2InstanceManager : IEc2InstanceManager
{
    private const string IncorrectInstanceState = "IncorrectInstanceState";

    private static readonly string[] LiveStates = ["pending", "running", "stopping", "stopped", "shutting-down"];

    private readonly IAmazonEC2 _ec2;
    private readonly string _region;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="Ec2InstanceManager"/> class.</summary>
    /// <param name="ec2">The EC2 client (its region is <paramref name="region"/>).</param>
    /// <param name="region">The client's region, recorded on every <see cref="Ec2InstanceInfo"/>.</param>
    /// <param name="timeProvider">The clock of retries.</param>
    /// <param name="logger">The logger.</param>
    public Ec2InstanceManager(IAmazonEC2 ec2, string region, TimeProvider timeProvider, ILogger logger)
    {
        _ec2 = ec2;
        _region = region;
        _time = timeProvider;
        _logger = logger;
    }

    /// <summary>Gets or sets the page size of listings (DescribeInstances MaxResults, 5..1000).</summary>
    public int PageSize { get; set; } = 1000;

    /// <inheritdoc />
    public async Task<Ec2InstanceInfo?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await Ec2Retry.TransientAsync(
                token => _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] }, token), _time, cancellationToken).ConfigureAwait(false);
            var instance = response.Reservations?.SelectMany(r => r.Instances ?? []).FirstOrDefault(i => i.InstanceId == instanceId);
            return instance is null ? null : Ec2InstanceMapper.ToInfo(instance, _region);
        }
        catch (AmazonServiceException ex) when (Ec2Errors.IsAlreadyGone(ex))
        {
            return null;
        }
        catch (AmazonServiceException ex)
        {
            throw Ec2Errors.Translate(ex, "DescribeInstances");
        }
    }

    /// <inheritdoc />
    public async Task<Ec2InstanceState> GetStateAsync(string instanceId, CancellationToken cancellationToken = default) =>
        (await GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false))?.State ?? Ec2InstanceState.Terminated;

    /// <inheritdoc />
    public async Task StartAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        try
        {
            await Ec2Retry.TransientAsync(token => _ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [instanceId] }, token), _time, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex) when (Ec2Errors.Is(ex, IncorrectInstanceState))
        {
            // Still stopping: EC2 refuses to start it until it is stopped. Wait for that, then start.
            await WaitForStateAsync(instanceId, Ec2InstanceState.Stopped, cancellationToken).ConfigureAwait(false);
            await StartAsync(instanceId, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex)
        {
            throw Ec2Errors.Translate(ex, "StartInstances");
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        try
        {
            await Ec2Retry.TransientAsync(token => _ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instanceId] }, token), _time, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex) when (Ec2Errors.Is(ex, IncorrectInstanceState) || Ec2Errors.IsAlreadyGone(ex))
        {
            // Already stopping/stopped, or gone: nothing left to stop.
        }
        catch (AmazonServiceException ex)
        {
            throw Ec2Errors.Translate(ex, "StopInstances");
        }
    }

    /// <inheritdoc />
    public Task TerminateAsync(string instanceId, CancellationToken cancellationToken = default) => TerminateWithStateAsync(instanceId, cancellationToken);

    /// <summary>Terminates an instance (already gone is success) and returns the state EC2 reports right after the call.</summary>
    public async Task<Ec2InstanceState> TerminateWithStateAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await Ec2Retry.TransientAsync(
                token => _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instanceId] }, token), _time, cancellationToken).ConfigureAwait(false);
            var state = Ec2InstanceMapper.ToState(response.TerminatingInstances?.FirstOrDefault()?.CurrentState?.Name?.Value);
            Ec2Log.InstanceTerminationRequested(_logger, instanceId, state);
            return state;
        }
        catch (AmazonServiceException ex) when (Ec2Errors.IsAlreadyGone(ex))
        {
            return Ec2InstanceState.Terminated;
        }
        catch (AmazonServiceException ex)
        {
            throw Ec2Errors.Translate(ex, "TerminateInstances");
        }
    }

    /// <summary>Polls (first check immediately) until the instance is in <paramref name="state"/>; gone counts as terminated.</summary>
    public async Task<Ec2InstanceState> WaitForStateAsync(string instanceId, Ec2InstanceState state, CancellationToken cancellationToken, TimeSpan? pollInterval = null)
    {
        var interval = pollInterval ?? Ec2Defaults.PollInterval;
        while (true)
        {
            var current = await GetStateAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (current == state || current == Ec2InstanceState.Terminated)
            {
                return current;
            }

            await Task.Delay(interval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Ec2InstanceInfo> ListAcodeInstancesAsync(string region, CancellationToken cancellationToken = default) =>
        ListAsync([new Filter("tag:" + Ec2TagKeys.Acode, [Ec2TagKeys.AcodeValue])], cancellationToken);

    /// <summary>
    /// Every instance of one acode session that is not terminated, found by tag: this also finds an instance whose
    /// RunInstances reply never arrived (a cancelled or dropped call that EC2 still carried out).
    /// </summary>
    public IAsyncEnumerable<Ec2InstanceInfo> ListSessionInstancesAsync(string sessionId, CancellationToken cancellationToken = default) =>
        ListAsync([new Filter("tag:" + Ec2TagKeys.Session, [sessionId])], cancellationToken);

    private async IAsyncEnumerable<Ec2InstanceInfo> ListAsync(List<Filter> filters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        filters.Add(new Filter("instance-state-name", [.. LiveStates]));
        var request = new DescribeInstancesRequest { Filters = filters, MaxResults = PageSize };
        await foreach (var reservation in _ec2.Paginators.DescribeInstances(request).Reservations.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var instance in reservation.Instances ?? [])
            {
                yield return Ec2InstanceMapper.ToInfo(instance, _region);
            }
        }
    }
}
