using Acode.Domain.Compute.Ec2;
using Acode.Domain.Compute.Ec2.Cost;

namespace Acode.Application.Compute.Ec2.Cost;

/// <summary>
/// The accrued cost of one instance as last seen by a tracker (FR-059), kept locally so that a later
/// <c>acode target ec2 list</c> can show cost so far after the process that launched it has ended.
/// </summary>
public sealed record Ec2CostRecord
{
    /// <summary>The instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The instance type.</summary>
    public required string InstanceType { get; init; }

    /// <summary>The region.</summary>
    public required string Region { get; init; }

    /// <summary>The AZ, when known.</summary>
    public string? AvailabilityZone { get; init; }

    /// <summary>Spot or on-demand.</summary>
    public required Ec2InstanceLifecycle Lifecycle { get; init; }

    /// <summary>Which discount set the instance rate.</summary>
    public required Ec2DiscountKind Discount { get; init; }

    /// <summary>The instance's own $/h after the discount.</summary>
    public required decimal InstanceHourlyRate { get; init; }

    /// <summary>$/h of every component together (instance, EBS, addresses).</summary>
    public required decimal HourlyRate { get; init; }

    /// <summary>When EC2 launched the instance (start of billing).</summary>
    public required DateTimeOffset LaunchTime { get; init; }

    /// <summary>When the tracker last computed <see cref="AccruedCost"/>.</summary>
    public required DateTimeOffset LastSeen { get; init; }

    /// <summary>When the instance was terminated, if the tracker saw it.</summary>
    public DateTimeOffset? TerminatedAt { get; init; }

    /// <summary>USD accrued from launch to <see cref="TerminatedAt"/> or <see cref="LastSeen"/>, every component, per-second billed.</summary>
    public required decimal AccruedCost { get; init; }

    /// <summary>
    /// The cost so far at <paramref name="now"/> for a listing after the tracking process ended: the recorded figure,
    /// plus <see cref="HourlyRate"/> from <see cref="LastSeen"/> until <paramref name="now"/> or until the instance was
    /// seen gone (<paramref name="endedAt"/>, e.g. from DescribeInstances) when the record has no termination.
    /// </summary>
    public decimal CostAt(DateTimeOffset now, DateTimeOffset? endedAt = null)
    {
        if (TerminatedAt is not null)
        {
            return AccruedCost;
        }

        var end = endedAt is { } ended && ended < now ? ended : now;
        return end > LastSeen ? AccruedCost + (HourlyRate * (decimal)(end - LastSeen).TotalSeconds / 3600m) : AccruedCost;
    }
}
