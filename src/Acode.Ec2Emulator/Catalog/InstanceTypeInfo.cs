namespace Acode.Ec2Emulator.Catalog;

/// <summary>One instance type: size, GPUs, CPU maker and on-demand Linux prices.</summary>
internal sealed record InstanceTypeInfo(
    string Name,
    int VCpus,
    long MemoryMiB,
    string? GpuName,
    string Manufacturer,
    decimal PriceUs,
    decimal PriceEuWest1)
{
    public string Family => Name[..Name.IndexOf('.', StringComparison.Ordinal)];

    public bool Burstable => Family is "t3" or "t3a";

    public int GpuCount => GpuName is null ? 0 : 1;

    public long GpuMemoryMiB => GpuName switch { "T4" => 16384, "A10G" => 22888, _ => 0 };

    /// <summary>
    /// The on-demand price in a region, for spot prices: the list price where <see cref="ListPrices"/> has one, else
    /// the US price (a stand-in; such a region's Price List has no product).
    /// </summary>
    public decimal OnDemandPrice(string region) => ListPrices.OnDemand(this, region) ?? PriceUs;
}
