namespace Acode.Domain.Compute.Ec2;

/// <summary>
/// The unit prices that make up an instance's cost in one region. Each component is explicit because acode is a
/// burst tool billed per second: what a user needs is the hourly rate of everything the instance holds, not a
/// month of the instance alone.
/// </summary>
public sealed record Ec2PricingInfo
{
    /// <summary>Hours in the month AWS uses to turn GB-month and monthly figures into hourly ones.</summary>
    public const decimal HoursPerMonth = 730m;

    /// <summary>The instance type.</summary>
    public required string InstanceType { get; init; }

    /// <summary>The region.</summary>
    public required string Region { get; init; }

    /// <summary>On-demand Linux $/h for the instance.</summary>
    public required decimal OnDemandHourlyRate { get; init; }

    /// <summary>Spot $/h, when known (live price for an AZ, or the offline assumption; see <see cref="SpotRateIsAssumed"/>).</summary>
    public decimal? SpotHourlyRate { get; init; }

    /// <summary>True when <see cref="SpotHourlyRate"/> is the offline typical discount rather than a live price.</summary>
    public bool SpotRateIsAssumed { get; init; }

    /// <summary>Root EBS $ per GB-month for the configured volume type.</summary>
    public required decimal EbsGbMonthRate { get; init; }

    /// <summary>$ per public IPv4 address per hour (also the Elastic IP rate).</summary>
    public required decimal PublicIpv4HourlyRate { get; init; }

    /// <summary>Where the prices come from, e.g. "offline catalogue (AWS public price list, 2026-07)".</summary>
    public required string Source { get; init; }

    /// <summary>
    /// The on-demand instance alone for a 730-hour month. Kept for comparison with AWS's own monthly figures; it is
    /// not what a burst run costs (see the cost estimate for that).
    /// </summary>
    public decimal EstimatedMonthlyCost => OnDemandHourlyRate * HoursPerMonth;
}
