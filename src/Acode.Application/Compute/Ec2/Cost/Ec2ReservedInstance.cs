using Acode.Domain.Compute.Ec2;

namespace Acode.Application.Compute.Ec2.Cost;

/// <summary>An active reserved instance of the account (from DescribeReservedInstances), as cost coverage needs it.</summary>
public sealed record Ec2ReservedInstance
{
    /// <summary>The reserved instance id.</summary>
    public required string ReservedInstancesId { get; init; }

    /// <summary>The instance type it covers (exact match; regional size flexibility is not applied, so coverage errs low and the estimate high).</summary>
    public required string InstanceType { get; init; }

    /// <summary>The region it was bought in.</summary>
    public required string Region { get; init; }

    /// <summary>The AZ for a zonal reservation; null for a regional one (covers every AZ of the region).</summary>
    public string? AvailabilityZone { get; init; }

    /// <summary>The platform (product description); must match the instance's.</summary>
    public string Platform { get; init; } = Ec2Platforms.LinuxUnix;

    /// <summary>How many instances it covers at once.</summary>
    public int InstanceCount { get; init; } = 1;

    /// <summary>True when AWS reports it <c>active</c> (not payment-pending, retired or expired).</summary>
    public bool IsActive { get; init; } = true;

    /// <summary>The effective $/h: the upfront price spread over the term plus the recurring hourly charge.</summary>
    public required decimal EffectiveHourlyRate { get; init; }

    /// <summary>Computes the effective $/h from DescribeReservedInstances' fields.</summary>
    /// <param name="fixedPrice">The upfront price.</param>
    /// <param name="termSeconds">The term (<c>Duration</c>) in seconds.</param>
    /// <param name="recurringHourly">The recurring hourly charge (0 for all-upfront).</param>
    public static decimal EffectiveRate(decimal fixedPrice, long termSeconds, decimal recurringHourly) =>
        termSeconds <= 0 ? recurringHourly : (fixedPrice * 3600m / termSeconds) + recurringHourly;
}
