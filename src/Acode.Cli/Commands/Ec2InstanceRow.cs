using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Domain.Compute.Ec2;

namespace Acode.Cli.Commands;

/// <summary>One instance as <c>acode target ec2 list</c> and <c>cleanup</c> show it (also the JSON shape).</summary>
internal sealed record Ec2InstanceRow
{
    public required string InstanceId { get; init; }

    public required string InstanceType { get; init; }

    public required string Region { get; init; }

    public required string State { get; init; }

    public required DateTimeOffset LaunchTime { get; init; }

    public required double AgeSeconds { get; init; }

    public string? PublicIp { get; init; }

    public string? PrivateIp { get; init; }

    public required bool Spot { get; init; }

    /// <summary>$/h of instance, EBS and addresses together; null when no price is known offline.</summary>
    public decimal? HourlyRate { get; init; }

    /// <summary>Cost since launch at that rate (an upper bound for an instance that spent time stopped); null when unknown.</summary>
    public decimal? CostSoFar { get; init; }

    /// <summary>Older than the orphan threshold, or past its <c>acode:expires-at</c> tag.</summary>
    public required bool Orphan { get; init; }

    public static Ec2InstanceRow From(Ec2InstanceInfo instance, DateTimeOffset now, TimeSpan orphanThreshold)
    {
        var age = now - instance.LaunchTime;
        Domain.Compute.Ec2.Cost.Ec2CostBreakdown? cost = null;
        try
        {
            cost = Ec2CostCalculator.Calculate(new Ec2CostRequest
            {
                InstanceType = instance.InstanceType,
                Region = instance.Region,
                AvailabilityZone = instance.AvailabilityZone,
                Duration = age,
                IsSpot = instance.IsSpotInstance,
                EbsSizeGb = instance.RootVolumeSizeGb ?? Ec2Defaults.EbsSizeGb,
                EbsVolumeType = instance.RootVolumeType ?? Ec2Defaults.EbsVolumeType,
                PublicIpv4 = instance.PublicIp is not null && instance.ElasticIpAllocationId is null,
                ElasticIp = instance.ElasticIpAllocationId is not null,
                Platform = instance.Platform,
            });
        }
        catch (Ec2PriceUnknownException)
        {
            // Shown as unknown rather than guessed.
        }

        var expired = instance.Tags.TryGetValue("acode:expires-at", out var expiresAt)
            && DateTimeOffset.TryParse(expiresAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var expiry)
            && expiry <= now;
        return new Ec2InstanceRow
        {
            InstanceId = instance.InstanceId,
            InstanceType = instance.InstanceType,
            Region = instance.Region,
            State = Output.Ec2StateNames.Format(instance.State),
            LaunchTime = instance.LaunchTime,
            AgeSeconds = Math.Round(age.TotalSeconds),
            PublicIp = instance.PublicIp,
            PrivateIp = instance.PrivateIp,
            Spot = instance.IsSpotInstance,
            HourlyRate = cost?.HourlyRate,
            CostSoFar = cost?.TotalCost,
            Orphan = instance.State is not (Ec2InstanceState.Terminated or Ec2InstanceState.ShuttingDown) && (age > orphanThreshold || expired),
        };
    }
}
