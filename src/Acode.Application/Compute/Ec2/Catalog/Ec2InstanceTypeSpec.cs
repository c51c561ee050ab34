namespace Acode.Application.Compute.Ec2.Catalog;

/// <summary>The hardware of one instance type and its on-demand Linux price per region.</summary>
public sealed record Ec2InstanceTypeSpec
{
    /// <summary>The type name, e.g. <c>g4dn.xlarge</c>.</summary>
    public required string Name { get; init; }

    /// <summary>vCPUs.</summary>
    public required int VCpus { get; init; }

    /// <summary>Memory in GiB.</summary>
    public required decimal MemoryGiB { get; init; }

    /// <summary>GPUs (0 for none).</summary>
    public int GpuCount { get; init; }

    /// <summary>The GPU model, e.g. <c>T4</c> or <c>A10G</c>; null without GPUs.</summary>
    public string? GpuModel { get; init; }

    /// <summary>Memory per GPU in GiB; null without GPUs.</summary>
    public decimal? GpuMemoryGiB { get; init; }

    /// <summary>CPU architecture as EC2 names it: <c>x86_64</c> or <c>arm64</c>.</summary>
    public required string Architecture { get; init; }

    /// <summary>CPU maker: Intel, AMD or AWS.</summary>
    public required string CpuManufacturer { get; init; }

    /// <summary>True for burstable (t-family) types, whose CPU credits in unlimited mode cost extra.</summary>
    public bool Burstable { get; init; }

    /// <summary>On-demand Linux $/h by region code.</summary>
    public required IReadOnlyDictionary<string, decimal> OnDemandHourlyByRegion { get; init; }

    /// <summary>The family, e.g. <c>g4dn</c>.</summary>
    public string Family => Name[..Name.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>The size, e.g. <c>xlarge</c>.</summary>
    public string Size => Name[(Name.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
