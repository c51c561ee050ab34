using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Catalog;
using Acode.Application.Compute.Ec2.Spot;
using Acode.Domain.Compute.Ec2.Events;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Acode.Infrastructure.Compute.Ec2.Spot;

/// <summary>
/// Runs a launch plan (<see cref="SpotLaunchPlanner"/>) through the provisioner's RunInstances delegate (FR-049..053):
/// with a fleet delegate, the plan's spot attempts go first as one EC2 Fleet (<see cref="Ec2SpotFleet"/>), each pool it
/// refuses counted as a refused attempt; then the remaining attempts in order; a capacity or price refusal (<see cref="AwsErrorCodes.Capacity"/>: InsufficientInstanceCapacity,
/// SpotMaxPriceTooLow, MaxSpotInstanceCountExceeded, InsufficientFreeAddressesInSubnet, Unsupported, ...) moves on to
/// the next attempt (another AZ, then another type, each refusal published as <see cref="Ec2LaunchAttemptRefusedEvent"/>);
/// any other error is thrown as is. Moving from spot to on-demand publishes
/// <see cref="Ec2SpotFallbackEvent"/> and logs it. When nothing is left: <see cref="Ec2CapacityException"/> listing
/// every attempt's code.
/// </summary>
public sealed class SpotLaunchExecutor
{
    private readonly TimeProvider _time;
    private readonly IEventPublisher? _events;
    private readonly ILogger _logger;

    /// <summary>Creates the executor.</summary>
    /// <param name="timeProvider">The clock for event times.</param>
    /// <param name="events">Where <see cref="Ec2SpotFallbackEvent"/> goes; null = not published.</param>
    /// <param name="logger">The logger.</param>
    public SpotLaunchExecutor(TimeProvider timeProvider, IEventPublisher? events = null, ILogger<SpotLaunchExecutor>? logger = null)
    {
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _events = events;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Tries <paramref name="plan"/> in order with <paramref name="launch"/> until one attempt launches.</summary>
    /// <typeparam name="T">What the delegate returns, e.g. the RunInstances response.</typeparam>
    /// <param name="configuration">The target's configuration (region, fallback setting).</param>
    /// <param name="plan">The attempts, from <see cref="SpotLaunchPlanner.Plan"/>; at least one.</param>
    /// <param name="launch">Sends one RunInstances for an attempt (with <see cref="Ec2SpotMarketOptions.Apply"/> and the attempt's own ClientToken).</param>
    /// <param name="availabilityZone">The AZ launched into, when known (for messages).</param>
    /// <param name="launchFleet">Launches every spot attempt of the plan as one fleet; null = spot attempts one by one through <paramref name="launch"/>.</param>
    /// <param name="cancellationToken">Cancels the launch.</param>
    /// <exception cref="Ec2CapacityException">Every attempt was refused for capacity or price.</exception>
    public async Task<LaunchOutcome<T>> ExecuteAsync<T>(
        Ec2Configuration configuration,
        IReadOnlyList<LaunchAttempt> plan,
        Func<LaunchAttempt, CancellationToken, Task<T>> launch,
        string? availabilityZone = null,
        Func<IReadOnlyList<LaunchAttempt>, CancellationToken, Task<FleetLaunchResult<T>>>? launchFleet = null,
        CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(launch);
        if (plan is not { Count: > 0 })
        {
            throw new ArgumentException("A launch plan needs at least one attempt.", nameof(plan));
        }

        var failures = new List<LaunchFailure>();
        AmazonServiceException? last = null;
        if (launchFleet is not null && plan.Any(a => a.IsSpot))
        {
            var spot = plan.Where(a => a.IsSpot).ToList();
            plan = [.. plan.Where(a => !a.IsSpot)];
            var fleet = await launchFleet(spot, cancellationToken).ConfigureAwait(false);
            var after = fleet.Attempt ?? (plan.Count > 0 ? plan[0] : null);
            for (var n = 0; n < fleet.Refused.Count; n++)
            {
                var next = n + 1 < fleet.Refused.Count ? fleet.Refused[n + 1].Attempt : after;
                await RefusedAsync(fleet.Refused[n], next, spot.Count + plan.Count, failures, cancellationToken).ConfigureAwait(false);
            }

            if (fleet is { Result: { } launched, Attempt: { } from })
            {
                Ec2Log.LaunchAttemptSucceeded(_logger, from, from.Index + 1, spot.Count + plan.Count);
                return new LaunchOutcome<T>(launched, from, failures);
            }
        }

        for (var n = 0; n < plan.Count; n++)
        {
            var attempt = plan[n];
            cancellationToken.ThrowIfCancellationRequested();
            if (!attempt.IsSpot && (n == 0 || plan[n - 1].IsSpot) && failures.Any(f => f.Attempt.IsSpot))
            {
                await FallBackAsync(configuration, attempt, failures, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                var result = await launch(attempt, cancellationToken).ConfigureAwait(false);
                Ec2Log.LaunchAttemptSucceeded(_logger, attempt, attempt.Index + 1, plan.Count);
                return new LaunchOutcome<T>(result, attempt, failures);
            }
            catch (AmazonServiceException e) when (AwsErrorCodes.IsCapacity(e.ErrorCode))
            {
                last = e;
                await RefusedAsync(new LaunchFailure(attempt, e.ErrorCode, e.Message, e.RequestId), n + 1 < plan.Count ? plan[n + 1] : null, plan.Count, failures, cancellationToken).ConfigureAwait(false);
            }
        }

        var fallbackDisabled = configuration.SpotEnabled && !configuration.SpotFallbackToOnDemand;
        var exhausted = new Ec2CapacityException(failures, availabilityZone, fallbackDisabled, last);
        Ec2Log.LaunchPlanExhausted(_logger, exhausted.Message, fallbackDisabled);
        throw exhausted;
    }

    private async Task RefusedAsync(LaunchFailure failure, LaunchAttempt? next, int total, List<LaunchFailure> failures, CancellationToken cancellationToken)
    {
        var attempt = failure.Attempt;
        failures.Add(failure);
        Ec2Log.LaunchAttemptRefused(_logger, attempt, failure.AwsErrorCode, attempt.Index + 1, total);
        if (_events is not null)
        {
            var @event = new Ec2LaunchAttemptRefusedEvent(attempt.ToString(), attempt.InstanceType, attempt.AvailabilityZone, failure.AwsErrorCode, next?.ToString(), _time.GetUtcNow());
            await _events.PublishAsync(@event, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FallBackAsync(Ec2Configuration configuration, LaunchAttempt attempt, List<LaunchFailure> failures, CancellationToken cancellationToken)
    {
        var codes = failures.Where(f => f.Attempt.IsSpot).Select(f => f.AwsErrorCode).ToList();
        var rate = Ec2InstanceCatalog.OnDemandHourly(attempt.InstanceType, configuration.Region) ?? 0m;
        Ec2Log.SpotFallingBackToOnDemand(_logger, attempt.InstanceType, configuration.Region, codes, rate);
        if (_events is not null)
        {
            var @event = new Ec2SpotFallbackEvent(attempt.InstanceType, configuration.Region, codes, rate, _time.GetUtcNow());
            await _events.PublishAsync(@event, cancellationToken).ConfigureAwait(false);
        }
    }
}
