using Acode.Domain.Compute.Ec2;

namespace Acode.Application.Compute.Ec2.Spot;

/// <summary>
/// Turns the spot settings into the ordered RunInstances attempts (FR-049..053): on-demand <c>instanceType</c> when
/// spot is off (the default); otherwise spot for each of <c>spotInstanceTypes</c> (or <c>instanceType</c> alone) with
/// <c>spotMaxPrice</c>, then on-demand <c>instanceType</c> and its alternatives <c>instanceTypes</c> when
/// <c>spotFallbackToOnDemand</c>; <see cref="AcrossSubnets"/> spreads the plan over AZs. Pure.
/// </summary>
public static class SpotLaunchPlanner
{
    /// <summary>The attempts for a first launch, in order.</summary>
    public static IReadOnlyList<LaunchAttempt> Plan(Ec2Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var onDemandTypes = new[] { configuration.InstanceType }.Concat(configuration.InstanceTypes)
            .Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList();
        if (!configuration.SpotEnabled)
        {
            return [.. onDemandTypes.Select((type, i) => new LaunchAttempt(i, type, Ec2InstanceLifecycle.OnDemand, null))];
        }

        var spotTypes = configuration.SpotInstanceTypes.Count > 0 ? configuration.SpotInstanceTypes : [configuration.InstanceType];
        var attempts = spotTypes
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Distinct(StringComparer.Ordinal)
            .Select((type, i) => new LaunchAttempt(i, type, Ec2InstanceLifecycle.Spot, configuration.SpotMaxPrice))
            .ToList();
        if (configuration.SpotFallbackToOnDemand)
        {
            var first = attempts.Count;
            attempts.AddRange([.. onDemandTypes.Select((type, i) => new LaunchAttempt(first + i, type, Ec2InstanceLifecycle.OnDemand, null))]);
        }

        return attempts;
    }

    /// <summary>
    /// Capacity-aware launch (issue 13): each attempt of <paramref name="plan"/> tried in every subnet in turn (the next
    /// AZ first, then the next type), at most <see cref="Ec2Defaults.MaxLaunchAttempts"/> attempts. No subnets = the plan as is.
    /// </summary>
    /// <param name="plan">The attempts by type and market.</param>
    /// <param name="subnets">The candidate subnets with their AZs, in order.</param>
    public static IReadOnlyList<LaunchAttempt> AcrossSubnets(IReadOnlyList<LaunchAttempt> plan, IReadOnlyList<(string SubnetId, string AvailabilityZone)> subnets)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(subnets);
        if (subnets.Count == 0)
        {
            return plan;
        }

        return [.. plan
            .SelectMany(attempt => subnets.Select(s => (attempt, s)))
            .Take(Ec2Defaults.MaxLaunchAttempts)
            .Select((x, i) => x.attempt with { Index = i, SubnetId = x.s.SubnetId, AvailabilityZone = x.s.AvailabilityZone })];
    }

    /// <summary>
    /// The attempts for replacing an interrupted spot instance: on-demand <c>instanceType</c> when
    /// <c>spotFallbackToOnDemand</c> (spot again would likely be interrupted again), else none.
    /// </summary>
    public static IReadOnlyList<LaunchAttempt> PlanReplacement(Ec2Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.SpotFallbackToOnDemand
            ? [new LaunchAttempt(0, configuration.InstanceType, Ec2InstanceLifecycle.OnDemand, null)]
            : [];
    }
}
