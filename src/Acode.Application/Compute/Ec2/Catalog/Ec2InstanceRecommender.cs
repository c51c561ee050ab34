using System.Globalization;

namespace Acode.Application.Compute.Ec2.Catalog;

/// <summary>
/// Ranks the cheapest catalogued types that meet a task's needs (FR-047/048). Ties on price go to the type with less
/// spare capacity, then to the name in ordinal order, so results are deterministic.
/// </summary>
public static class Ec2InstanceRecommender
{
    /// <summary>Returns up to <paramref name="count"/> recommendations, cheapest first; empty when nothing fits.</summary>
    public static IReadOnlyList<Ec2InstanceRecommendation> Recommend(Ec2InstanceRequirements needs, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(needs);
        var candidates =
            from spec in Ec2InstanceCatalog.All
            where needs.OfferedTypes is null || needs.OfferedTypes.Contains(spec.Name)
            where Fits(spec, needs)
            let onDemand = Ec2InstanceCatalog.OnDemandHourly(spec.Name, needs.Region)
            where onDemand is not null
            let rate = Rate(spec.Name, onDemand.Value, needs)
            where needs.MaxHourlyPrice is null || rate.Price <= needs.MaxHourlyPrice
            orderby rate.Price, spec.VCpus, spec.MemoryGiB, spec.Name
            select new Ec2InstanceRecommendation(spec.Name, rate.Price, needs.SpotAllowed, rate.Assumed, Reason(spec, needs, rate.Price, rate.Assumed));
        return candidates.Take(count).ToList();
    }

    private static bool Fits(Ec2InstanceTypeSpec spec, Ec2InstanceRequirements needs) =>
        spec.VCpus >= needs.MinVCpus
        && spec.MemoryGiB >= needs.MinMemoryGiB
        && (needs.MinGpus == 0 ? spec.GpuCount == 0 : spec.GpuCount >= needs.MinGpus)
        && (needs.GpuModel is null || string.Equals(spec.GpuModel, needs.GpuModel, StringComparison.OrdinalIgnoreCase))
        && (needs.Architecture is null || spec.Architecture == needs.Architecture)
        && (needs.AllowBurstable || !spec.Burstable);

    private static (decimal Price, bool Assumed) Rate(string type, decimal onDemand, Ec2InstanceRequirements needs)
    {
        if (!needs.SpotAllowed)
        {
            return (onDemand, false);
        }

        return needs.SpotPrices?.TryGetValue(type, out var live) == true
            ? (live, false)
            : (onDemand * (1m - Ec2UnitPrices.AssumedSpotDiscount(needs.Region)), true);
    }

    private static string Reason(Ec2InstanceTypeSpec spec, Ec2InstanceRequirements needs, decimal rate, bool assumed)
    {
        var c = CultureInfo.InvariantCulture;
        var parts = new List<string>
        {
            string.Format(c, "{0} vCPU (need {1})", spec.VCpus, needs.MinVCpus),
            string.Format(c, "{0} GiB (need {1})", spec.MemoryGiB, needs.MinMemoryGiB),
        };
        if (spec.GpuCount > 0)
        {
            parts.Add(string.Format(c, "{0}x {1} GPU (need {2})", spec.GpuCount, spec.GpuModel, needs.MinGpus));
        }

        var kind = !needs.SpotAllowed ? "on-demand" : assumed ? "spot, assumed offline discount" : "spot, live price";
        return string.Format(c, "{0}; ${1}/h {2} in {3}", string.Join(", ", parts), rate.Normalize(), kind, needs.Region);
    }

    private static decimal Normalize(this decimal value) => value / 1.000000000000000000000000000000000m;
}
