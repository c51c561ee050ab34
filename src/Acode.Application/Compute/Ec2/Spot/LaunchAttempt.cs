using System.Globalization;
using Acode.Domain.Compute.Ec2;

namespace Acode.Application.Compute.Ec2.Spot;

/// <summary>
/// One RunInstances attempt of a launch plan (FR-049..053): a type bought on one market, with the spot price cap.
/// The provisioner turns it into a request (<c>Ec2SpotMarketOptions.Apply</c>); the cost tracker bills the market chosen.
/// </summary>
/// <param name="Index">The attempt's position in the plan, from 0.</param>
/// <param name="InstanceType">The instance type to launch.</param>
/// <param name="Lifecycle">Spot or on-demand.</param>
/// <param name="SpotMaxPrice">The highest spot $/h; null = AWS's default cap, the on-demand price. Always null for on-demand.</param>
public sealed record LaunchAttempt(int Index, string InstanceType, Ec2InstanceLifecycle Lifecycle, decimal? SpotMaxPrice)
{
    /// <summary>The subnet this attempt launches into (capacity-aware launch: one attempt per AZ); null = the configured one.</summary>
    public string? SubnetId { get; init; }

    /// <summary>The subnet's availability zone, for messages; null when the attempt names no subnet.</summary>
    public string? AvailabilityZone { get; init; }

    /// <summary>True for a spot attempt.</summary>
    public bool IsSpot => Lifecycle == Ec2InstanceLifecycle.Spot;

    /// <summary>
    /// The RunInstances ClientToken of this attempt, derived from the launch's own token. Each attempt needs its own:
    /// reusing one token with another type or market is rejected as <c>IdempotentParameterMismatch</c>, while
    /// retrying the same attempt with its token never launches twice. At most 64 characters, as EC2 requires.
    /// </summary>
    public string ClientToken(string launchToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(launchToken);
        var suffix = "-" + Index.ToString(CultureInfo.InvariantCulture);
        return launchToken.Length + suffix.Length <= 64 ? launchToken + suffix : launchToken[..(64 - suffix.Length)] + suffix;
    }

    /// <summary>E.g. <c>spot c5.large (max $0.05/h)</c> or <c>on-demand t3.medium</c>.</summary>
    public override string ToString() => (IsSpot
        ? string.Format(CultureInfo.InvariantCulture, "spot {0} ({1})", InstanceType, SpotMaxPrice is { } max ? $"max ${max}/h" : "max on-demand price")
        : "on-demand " + InstanceType) + (AvailabilityZone is null ? string.Empty : " in " + AvailabilityZone);
}
