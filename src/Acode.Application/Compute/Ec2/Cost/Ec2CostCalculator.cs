using System.Globalization;
using Acode.Application.Compute.Ec2.Catalog;
using Acode.Domain.Compute.Ec2;
using Acode.Domain.Compute.Ec2.Cost;

namespace Acode.Application.Compute.Ec2.Cost;

/// <summary>
/// Pure cost arithmetic (FR-056..059, UT-004). Rules, from /work/shared/data/ec2-prices.md:
/// <list type="bullet">
/// <item>Linux instances and EBS are billed per second with a 60 s minimum: billed seconds = max(60, duration rounded up to a whole second).</item>
/// <item>Instance = $/h x billed s / 3600. Rate: spot (live, else on-demand x (1 - assumed discount)); otherwise an
/// active matching reserved instance's effective rate; otherwise on-demand less the configured savings-plan discount;
/// otherwise on-demand. (AWS applies reservations before savings plans; neither applies to spot.)</item>
/// <item>EBS = size GB x $/GB-month x billed s / (730 h x 3600).</item>
/// <item>Public IPv4 and Elastic IP = $0.005/h each, prorated per second like the instance (the facts give an hourly
/// rate only); an Elastic IP replaces the auto-assigned address.</item>
/// <item>Amounts stay unrounded decimals; round only for display (<see cref="Ec2CostBreakdown.RoundForDisplay"/>).</item>
/// </list>
/// </summary>
public static class Ec2CostCalculator
{
    private const decimal SecondsPerHour = 3600m;

    /// <summary>Computes the cost of <paramref name="request"/> with every component.</summary>
    /// <exception cref="Ec2PriceUnknownException">No on-demand or EBS price is known for the type, volume or region.</exception>
    public static Ec2CostBreakdown Calculate(Ec2CostRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var assumptions = new List<string>();
        var onDemand = OnDemandRate(request) ?? throw new Ec2PriceUnknownException(request.InstanceType, request.Region);
        var ebsRate = EbsRate(request) ?? throw new Ec2PriceUnknownException($"EBS {request.EbsVolumeType}", request.Region);

        var billed = BilledDuration(request.Duration, request.Platform, assumptions);
        var seconds = (decimal)billed.TotalSeconds;
        var (rate, discount) = InstanceRate(request, onDemand, assumptions);

        var ebsHourly = request.EbsSizeGb * ebsRate / Ec2PricingInfo.HoursPerMonth;
        var ipv4Hourly = request.PublicIpv4 && !request.ElasticIp ? Ec2UnitPrices.PublicIpv4Hourly : 0m;
        var eipHourly = request.ElasticIp ? Ec2UnitPrices.PublicIpv4Hourly : 0m;
        if (ipv4Hourly + eipHourly > 0m)
        {
            assumptions.Add("public IPv4 / Elastic IP at $0.005/h prorated per second");
        }

        return new Ec2CostBreakdown
        {
            InstanceType = request.InstanceType,
            Region = request.Region,
            Duration = request.Duration,
            BilledDuration = billed,
            OnDemandHourlyRate = onDemand,
            InstanceHourlyRate = rate,
            InstanceCost = rate * seconds / SecondsPerHour,
            EbsCost = request.EbsSizeGb * ebsRate * seconds / (Ec2PricingInfo.HoursPerMonth * SecondsPerHour),
            PublicIpv4Cost = ipv4Hourly * seconds / SecondsPerHour,
            ElasticIpCost = eipHourly * seconds / SecondsPerHour,
            HourlyRate = rate + ebsHourly + ipv4Hourly + eipHourly,
            Discount = discount,
            Assumptions = assumptions,
        };
    }

    /// <summary>Like <see cref="Calculate"/>, but null when a price is not known: "cost unknown", never $0.</summary>
    public static Ec2CostBreakdown? TryCalculate(Ec2CostRequest request) =>
        IsPriced(request) ? Calculate(request) : null;

    /// <summary>True when the request carries (or the catalogue holds) every price it needs.</summary>
    public static bool IsPriced(Ec2CostRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OnDemandRate(request) is not null && EbsRate(request) is not null;
    }

    /// <summary>The on-demand $/h: the request's live figure, else the offline catalogue's; null when neither knows.</summary>
    public static decimal? OnDemandRate(Ec2CostRequest request) =>
        request.OnDemandHourlyRate ?? Ec2InstanceCatalog.OnDemandHourly(request.InstanceType, request.Region);

    /// <summary>The EBS $/GB-month: the request's live figure, else the offline table's; null when neither knows.</summary>
    public static decimal? EbsRate(Ec2CostRequest request) =>
        request.EbsGbMonthRate ?? Ec2UnitPrices.EbsGbMonthRate(request.Region, request.EbsVolumeType);

    /// <summary>The time billed for a run: whole seconds rounded up, at least the 60 s minimum.</summary>
    public static TimeSpan BilledDuration(TimeSpan duration) => BilledDuration(duration, Ec2Platforms.LinuxUnix, []);

    /// <summary>The unit prices of a type in a region, every component explicit.</summary>
    /// <exception cref="Ec2PriceUnknownException">Neither the live figures nor the catalogue hold a price.</exception>
    public static Ec2PricingInfo Pricing(
        string instanceType, string region, string ebsVolumeType = Ec2Defaults.EbsVolumeType, decimal? liveSpotRate = null,
        decimal? liveOnDemandRate = null, decimal? liveEbsGbMonthRate = null)
    {
        var onDemand = liveOnDemandRate ?? Ec2InstanceCatalog.OnDemandHourly(instanceType, region) ?? throw new Ec2PriceUnknownException(instanceType, region);
        return new Ec2PricingInfo
        {
            InstanceType = instanceType,
            Region = region,
            OnDemandHourlyRate = onDemand,
            SpotHourlyRate = liveSpotRate ?? onDemand * (1m - Ec2UnitPrices.AssumedSpotDiscount(region)),
            SpotRateIsAssumed = liveSpotRate is null,
            EbsGbMonthRate = liveEbsGbMonthRate ?? Ec2UnitPrices.EbsGbMonthRate(region, ebsVolumeType) ?? throw new Ec2PriceUnknownException($"EBS {ebsVolumeType}", region),
            PublicIpv4HourlyRate = Ec2UnitPrices.PublicIpv4Hourly,
            Source = liveOnDemandRate is null ? Ec2InstanceCatalog.Source : Ec2ListPrices.Source,
        };
    }

    private static TimeSpan BilledDuration(TimeSpan duration, string platform, List<string> assumptions)
    {
        if (platform != Ec2Platforms.LinuxUnix)
        {
            assumptions.Add($"{platform} billed like Linux (per second, 60 s minimum); check AWS's terms for it");
        }

        var wholeSeconds = (long)Math.Ceiling(Math.Max(0d, duration.TotalSeconds));
        return TimeSpan.FromSeconds(Math.Max(wholeSeconds, (long)Ec2UnitPrices.MinimumBilledDuration.TotalSeconds));
    }

    private static (decimal Rate, Ec2DiscountKind Discount) InstanceRate(Ec2CostRequest request, decimal onDemand, List<string> assumptions)
    {
        if (request.IsSpot)
        {
            if (request.SpotHourlyRate is { } live)
            {
                return (live, Ec2DiscountKind.Spot);
            }

            var discount = Ec2UnitPrices.AssumedSpotDiscount(request.Region);
            assumptions.Add(string.Format(
                CultureInfo.InvariantCulture,
                "spot rate assumed at {0:0}% below on-demand (no live spot price; the low end of discounts seen in {1})",
                discount * 100m,
                request.Region));
            return (onDemand * (1m - discount), Ec2DiscountKind.Spot);
        }

        var reservation = request.ReservedInstances.FirstOrDefault(ri => Covers(ri, request));
        if (reservation is not null)
        {
            assumptions.Add($"covered by reserved instance {reservation.ReservedInstancesId} at its effective rate");
            return (reservation.EffectiveHourlyRate, Ec2DiscountKind.ReservedInstance);
        }

        if (request.SavingsPlan is { } plan && PlanCovers(plan, request))
        {
            assumptions.Add(string.Format(CultureInfo.InvariantCulture, "savings plan from configuration: {0}% off on-demand", plan.DiscountPercent));
            return (onDemand * (1m - (plan.DiscountPercent / 100m)), Ec2DiscountKind.SavingsPlan);
        }

        return (onDemand, Ec2DiscountKind.None);
    }

    private static bool Covers(Ec2ReservedInstance ri, Ec2CostRequest request) =>
        ri.IsActive
        && ri.InstanceCount > 0
        && ri.InstanceType == request.InstanceType
        && ri.Region == request.Region
        && ri.Platform == request.Platform
        && (ri.AvailabilityZone is null || ri.AvailabilityZone == request.AvailabilityZone);

    private static bool PlanCovers(Ec2SavingsPlan plan, Ec2CostRequest request)
    {
        var family = request.InstanceType.Split('.')[0];
        return (plan.InstanceFamilies.Count == 0 || plan.InstanceFamilies.Contains(family))
            && (plan.Regions.Count == 0 || plan.Regions.Contains(request.Region));
    }
}
