using Acode.Domain.Compute.Ec2;

namespace Acode.Application.Compute.Ec2.Cost;

/// <summary>Everything a cost figure depends on: an estimate before launch, or accrued cost of a running instance.</summary>
public sealed record Ec2CostRequest
{
    /// <summary>The instance type.</summary>
    public required string InstanceType { get; init; }

    /// <summary>The region.</summary>
    public required string Region { get; init; }

    /// <summary>The AZ, for zonal reserved instances; null when not yet known.</summary>
    public string? AvailabilityZone { get; init; }

    /// <summary>The run time: expected (estimate) or launch-to-now/termination (running cost).</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Launched as spot.</summary>
    public bool IsSpot { get; init; }

    /// <summary>The live spot $/h for the AZ; null = the offline assumed discount (stated in the assumptions).</summary>
    public decimal? SpotHourlyRate { get; init; }

    /// <summary>A live on-demand $/h overriding the catalogue (for uncatalogued types or regions).</summary>
    public decimal? OnDemandHourlyRate { get; init; }

    /// <summary>A live EBS $/GB-month overriding the catalogue (for regions it does not hold).</summary>
    public decimal? EbsGbMonthRate { get; init; }

    /// <summary>Root EBS size in GiB.</summary>
    public int EbsSizeGb { get; init; } = Ec2Defaults.EbsSizeGb;

    /// <summary>Root EBS volume type, <c>gp3</c> or <c>gp2</c>.</summary>
    public string EbsVolumeType { get; init; } = Ec2Defaults.EbsVolumeType;

    /// <summary>An auto-assigned public IPv4 address is held.</summary>
    public bool PublicIpv4 { get; init; } = true;

    /// <summary>An Elastic IP is held (it replaces the auto-assigned address).</summary>
    public bool ElasticIp { get; init; }

    /// <summary>The platform; only Linux/UNIX is billed per second.</summary>
    public string Platform { get; init; } = Ec2Platforms.LinuxUnix;

    /// <summary>The account's reserved instances in the region.</summary>
    public IReadOnlyList<Ec2ReservedInstance> ReservedInstances { get; init; } = [];

    /// <summary>The savings plan from configuration, if any.</summary>
    public Ec2SavingsPlan? SavingsPlan { get; init; }

    /// <summary>Builds a request from a configuration (an estimate before launch).</summary>
    public static Ec2CostRequest FromConfiguration(Ec2Configuration configuration, TimeSpan expectedDuration, decimal? liveSpotRate = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new Ec2CostRequest
        {
            InstanceType = configuration.InstanceType,
            Region = configuration.Region,
            Duration = expectedDuration,
            IsSpot = configuration.SpotEnabled,
            SpotHourlyRate = liveSpotRate,
            EbsSizeGb = configuration.EbsSizeGb,
            EbsVolumeType = configuration.EbsVolumeType,
            PublicIpv4 = configuration.AssociatePublicIp && configuration.ElasticIp is null,
            ElasticIp = configuration.ElasticIp is not null,
            SavingsPlan = configuration.SavingsPlan,
        };
    }

    /// <summary>Builds a request from a launched instance (its type, zone, market, root volume and addresses) over <paramref name="duration"/>.</summary>
    public static Ec2CostRequest FromInstance(Ec2InstanceInfo instance, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new Ec2CostRequest
        {
            InstanceType = instance.InstanceType,
            Region = instance.Region,
            AvailabilityZone = instance.AvailabilityZone,
            Duration = duration,
            IsSpot = instance.IsSpotInstance,
            EbsSizeGb = instance.RootVolumeSizeGb ?? Ec2Defaults.EbsSizeGb,
            EbsVolumeType = instance.RootVolumeType ?? Ec2Defaults.EbsVolumeType,
            PublicIpv4 = instance.PublicIp is not null && instance.ElasticIpAllocationId is null,
            ElasticIp = instance.ElasticIpAllocationId is not null,
            Platform = instance.Platform,
        };
    }
}
