namespace Acode.Application.Compute.Ec2.Catalog;

/// <summary>
/// Storage, address and spot figures from /work/shared/data/ec2-prices.md: EBS $/GB-month (S4: us-east-1 and eu-west-1
/// checked against the AWS Price List of 2026-07-17; us-east-2 and us-west-2 from 2021 sources), public IPv4 $/h (S6,
/// since 2024-02-01), and the lower bound of spot discounts seen in the S1 snapshot, used only when no live spot price is known.
/// </summary>
public static class Ec2UnitPrices
{
    /// <summary>$ per public IPv4 address per hour, every region, in use or idle; Elastic IPs the same.</summary>
    public const decimal PublicIpv4Hourly = 0.005m;

    /// <summary>Linux minimum billed time per instance start and per volume (S7).</summary>
    public static readonly TimeSpan MinimumBilledDuration = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, (decimal Gp3, decimal Gp2)> EbsGbMonth = new(StringComparer.Ordinal)
    {
        ["us-east-1"] = (0.08m, 0.10m),
        ["us-east-2"] = (0.08m, 0.10m),
        ["us-west-2"] = (0.08m, 0.10m),
        ["eu-west-1"] = (0.088m, 0.11m),
    };

    /// <summary>
    /// Offline spot discount (fraction off on-demand) when no live spot price is known: the low end of what the S1
    /// snapshot showed (55 % in the US regions, 50 % in eu-west-1), so the assumed spot rate errs high, never low.
    /// </summary>
    public static decimal AssumedSpotDiscount(string region) => region.StartsWith("eu-", StringComparison.Ordinal) ? 0.50m : 0.55m;

    /// <summary>EBS $/GB-month for a volume type (<c>gp3</c> or <c>gp2</c>) in a region; null when not known.</summary>
    public static decimal? EbsGbMonthRate(string region, string volumeType) =>
        EbsGbMonth.TryGetValue(region, out var rates)
            ? volumeType switch { "gp3" => rates.Gp3, "gp2" => rates.Gp2, _ => null }
            : null;
}
