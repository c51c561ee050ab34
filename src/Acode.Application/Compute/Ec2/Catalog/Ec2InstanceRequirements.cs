namespace Acode.Application.Compute.Ec2.Catalog;

/// <summary>What a task needs from an instance (FR-047/048).</summary>
public sealed record Ec2InstanceRequirements
{
    /// <summary>The region to price in.</summary>
    public required string Region { get; init; }

    /// <summary>Minimum vCPUs.</summary>
    public int MinVCpus { get; init; } = 1;

    /// <summary>Minimum memory in GiB.</summary>
    public decimal MinMemoryGiB { get; init; }

    /// <summary>Minimum GPUs; 0 = a GPU is not wanted (GPU types are then left out: they cost far more).</summary>
    public int MinGpus { get; init; }

    /// <summary>A GPU model the task needs (e.g. <c>T4</c>, <c>A10G</c>), case-insensitive; null = any.</summary>
    public string? GpuModel { get; init; }

    /// <summary>The CPU architecture (<c>x86_64</c> or <c>arm64</c>); null = any.</summary>
    public string? Architecture { get; init; }

    /// <summary>Whether burstable (t-family) types may be recommended; off for sustained CPU-heavy work.</summary>
    public bool AllowBurstable { get; init; } = true;

    /// <summary>Whether spot prices may be used for ranking.</summary>
    public bool SpotAllowed { get; init; }

    /// <summary>The most the instance may cost per hour (at the rate ranked on); null = no limit.</summary>
    public decimal? MaxHourlyPrice { get; init; }

    /// <summary>Types offered in the region/AZ (live lookup); null = every catalogued type priced in the region.</summary>
    public IReadOnlySet<string>? OfferedTypes { get; init; }

    /// <summary>Live spot $/h by type for the AZ; types missing here use the offline assumed discount.</summary>
    public IReadOnlyDictionary<string, decimal>? SpotPrices { get; init; }
}
