using Acode.Application.Compute.Ec2;

namespace Acode.Infrastructure.Compute.Ec2.Provisioning;

/// <summary>
/// The ordered launch attempts for a configuration (FR-049..053): on-demand by default; with spot enabled, spot in
/// each of <c>spotInstanceTypes</c> (else the instance type), then on-demand when <c>spotFallbackToOnDemand</c>. The
/// provisioner tries them in order and moves on only after a capacity error. A smarter planner (live prices, AZs) can
/// hand the provisioner its own list.
/// </summary>
public static class Ec2LaunchPlan
{
    /// <summary>The attempts for <paramref name="configuration"/>.</summary>
    public static IReadOnlyList<Ec2LaunchAttempt> For(Ec2Configuration configuration)
    {
        if (!configuration.SpotEnabled)
        {
            return [new Ec2LaunchAttempt(configuration.InstanceType, Spot: false)];
        }

        var spotTypes = configuration.SpotInstanceTypes.Count > 0 ? configuration.SpotInstanceTypes : [configuration.InstanceType];
        var attempts = spotTypes.Select(type => new Ec2LaunchAttempt(type, Spot: true, configuration.SpotMaxPrice)).ToList();
        if (configuration.SpotFallbackToOnDemand)
        {
            attempts.Add(new Ec2LaunchAttempt(configuration.InstanceType, Spot: false));
        }

        return attempts;
    }
}
