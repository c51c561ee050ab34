using Acode.Domain.Compute.Ec2;

namespace Acode.Application.Compute.Ec2.Spot;

/// <summary>
/// Turns the spot settings into the ordered RunInstances attempts (FR-049..053): on-demand <c>instanceType</c> when
/// spot is off (the default); otherwise spot for each of <c>spotInstanceTypes</c> (or <c>instanceType</c> alone) with
/// <c>spotMaxPrice</c>, then on-demand <c>instanceType</c> when <c>spotFallbackToOnDemand</c>. Pure.
/// </summary>
public static class SpotLaunchPlanner
{
    /// <summary>The attempts for a first launch, in order.</summary>
    public static IReadOnlyList<LaunchAttempt> Plan(Ec2Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.SpotEnabled)
        {
            return [new LaunchAttempt(0, configuration.InstanceType, Ec2InstanceLifecycle.OnDemand, null)];
        }

        var spotTypes = configuration.SpotInstanceTypes.Count > 0 ? configuration.SpotInstanceTypes : [configuration.InstanceType];
        var attempts = spotTypes
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Distinct(StringComparer.Ordinal)
            .Select((type, i) => new LaunchAttempt(i, type, Ec2InstanceLifecycle.Spot, configuration.SpotMaxPrice))
            .ToList();
        if (configuration.SpotFallbackToOnDemand)
        {
            attempts.Add(new LaunchAttempt(attempts.Count, configuration.InstanceType, Ec2InstanceLifecycle.OnDemand, null));
        }

        return attempts;
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
