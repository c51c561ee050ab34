using System.Collections.Frozen;

namespace Acode.Application.Compute.Ec2.Catalog;

/// <summary>
/// The offline instance-type catalogue: hardware and on-demand Linux prices (USD per hour, shared tenancy) in four
/// regions, used when live DescribeInstanceTypes is unavailable and for every estimate.
/// Source: /work/shared/data/ec2-prices.md, compiled 2026-11 from the skypilot-catalog AWS snapshot (S1), cross-checked
/// for us-east-1 against Karpenter's pricing table generated 2026-07-20 from the AWS Price List API (S2); hardware from
/// Karpenter's instance-type reference (S3, 2026-07-11).
/// </summary>
public static class Ec2InstanceCatalog
{
    /// <summary>The regions whose prices the catalogue holds, in column order of the table below.</summary>
    public static readonly IReadOnlyList<string> PricedRegions = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1"];

    /// <summary>Where the catalogue's figures come from, for estimates and the README.</summary>
    public const string Source = "acode offline catalogue: AWS public on-demand Linux prices (skypilot-catalog snapshot, cross-checked with the AWS Price List of 2026-07-20)";

    private static readonly Ec2InstanceTypeSpec[] Rows =
    [
        // name            vCPU  GiB  GPUs GPU model/GiB  arch      CPU       burst  us-east-1  us-east-2  us-west-2  eu-west-1
        Row("t3.micro",       2,   1, 0, null, null,   "x86_64", "Intel", true,  0.0104m,   0.0104m,   0.0104m,   0.0114m),
        Row("t3.small",       2,   2, 0, null, null,   "x86_64", "Intel", true,  0.0208m,   0.0208m,   0.0208m,   0.0228m),
        Row("t3.medium",      2,   4, 0, null, null,   "x86_64", "Intel", true,  0.0416m,   0.0416m,   0.0416m,   0.0456m),
        Row("t3.large",       2,   8, 0, null, null,   "x86_64", "Intel", true,  0.0832m,   0.0832m,   0.0832m,   0.0912m),
        Row("t3.xlarge",      4,  16, 0, null, null,   "x86_64", "Intel", true,  0.1664m,   0.1664m,   0.1664m,   0.1824m),
        Row("t3.2xlarge",     8,  32, 0, null, null,   "x86_64", "Intel", true,  0.3328m,   0.3328m,   0.3328m,   0.3648m),
        Row("t3a.micro",      2,   1, 0, null, null,   "x86_64", "AMD",   true,  0.0094m,   0.0094m,   0.0094m,   0.0102m),
        Row("t3a.small",      2,   2, 0, null, null,   "x86_64", "AMD",   true,  0.0188m,   0.0188m,   0.0188m,   0.0204m),
        Row("t3a.medium",     2,   4, 0, null, null,   "x86_64", "AMD",   true,  0.0376m,   0.0376m,   0.0376m,   0.0408m),
        Row("t3a.large",      2,   8, 0, null, null,   "x86_64", "AMD",   true,  0.0752m,   0.0752m,   0.0752m,   0.0816m),
        Row("t3a.xlarge",     4,  16, 0, null, null,   "x86_64", "AMD",   true,  0.1504m,   0.1504m,   0.1504m,   0.1632m),
        Row("t3a.2xlarge",    8,  32, 0, null, null,   "x86_64", "AMD",   true,  0.3008m,   0.3008m,   0.3008m,   0.3264m),
        Row("m5.large",       2,   8, 0, null, null,   "x86_64", "Intel", false, 0.096m,    0.096m,    0.096m,    0.107m),
        Row("m5.xlarge",      4,  16, 0, null, null,   "x86_64", "Intel", false, 0.192m,    0.192m,    0.192m,    0.214m),
        Row("m5.2xlarge",     8,  32, 0, null, null,   "x86_64", "Intel", false, 0.384m,    0.384m,    0.384m,    0.428m),
        Row("m5.4xlarge",    16,  64, 0, null, null,   "x86_64", "Intel", false, 0.768m,    0.768m,    0.768m,    0.856m),
        Row("m6i.large",      2,   8, 0, null, null,   "x86_64", "Intel", false, 0.096m,    0.096m,    0.096m,    0.107m),
        Row("m6i.xlarge",     4,  16, 0, null, null,   "x86_64", "Intel", false, 0.192m,    0.192m,    0.192m,    0.214m),
        Row("m6i.2xlarge",    8,  32, 0, null, null,   "x86_64", "Intel", false, 0.384m,    0.384m,    0.384m,    0.428m),
        Row("m6i.4xlarge",   16,  64, 0, null, null,   "x86_64", "Intel", false, 0.768m,    0.768m,    0.768m,    0.856m),
        Row("m7i.large",      2,   8, 0, null, null,   "x86_64", "Intel", false, 0.1008m,   0.1008m,   0.1008m,   0.11235m),
        Row("m7i.xlarge",     4,  16, 0, null, null,   "x86_64", "Intel", false, 0.2016m,   0.2016m,   0.2016m,   0.2247m),
        Row("m7i.2xlarge",    8,  32, 0, null, null,   "x86_64", "Intel", false, 0.4032m,   0.4032m,   0.4032m,   0.4494m),
        Row("m7i.4xlarge",   16,  64, 0, null, null,   "x86_64", "Intel", false, 0.8064m,   0.8064m,   0.8064m,   0.8988m),
        Row("c5.large",       2,   4, 0, null, null,   "x86_64", "Intel", false, 0.085m,    0.085m,    0.085m,    0.096m),
        Row("c5.xlarge",      4,   8, 0, null, null,   "x86_64", "Intel", false, 0.170m,    0.170m,    0.170m,    0.192m),
        Row("c5.2xlarge",     8,  16, 0, null, null,   "x86_64", "Intel", false, 0.340m,    0.340m,    0.340m,    0.384m),
        Row("c5.4xlarge",    16,  32, 0, null, null,   "x86_64", "Intel", false, 0.680m,    0.680m,    0.680m,    0.768m),
        Row("c6i.large",      2,   4, 0, null, null,   "x86_64", "Intel", false, 0.085m,    0.085m,    0.085m,    0.0912m),
        Row("c6i.xlarge",     4,   8, 0, null, null,   "x86_64", "Intel", false, 0.170m,    0.170m,    0.170m,    0.1824m),
        Row("c6i.2xlarge",    8,  16, 0, null, null,   "x86_64", "Intel", false, 0.340m,    0.340m,    0.340m,    0.3648m),
        Row("c6i.4xlarge",   16,  32, 0, null, null,   "x86_64", "Intel", false, 0.680m,    0.680m,    0.680m,    0.7296m),
        Row("c7i.large",      2,   4, 0, null, null,   "x86_64", "Intel", false, 0.08925m,  0.08925m,  0.08925m,  0.09576m),
        Row("c7i.xlarge",     4,   8, 0, null, null,   "x86_64", "Intel", false, 0.1785m,   0.1785m,   0.1785m,   0.19152m),
        Row("c7i.2xlarge",    8,  16, 0, null, null,   "x86_64", "Intel", false, 0.357m,    0.357m,    0.357m,    0.38304m),
        Row("c7i.4xlarge",   16,  32, 0, null, null,   "x86_64", "Intel", false, 0.714m,    0.714m,    0.714m,    0.76608m),
        Row("r5.large",       2,  16, 0, null, null,   "x86_64", "Intel", false, 0.126m,    0.126m,    0.126m,    0.141m),
        Row("r5.xlarge",      4,  32, 0, null, null,   "x86_64", "Intel", false, 0.252m,    0.252m,    0.252m,    0.282m),
        Row("r5.2xlarge",     8,  64, 0, null, null,   "x86_64", "Intel", false, 0.504m,    0.504m,    0.504m,    0.564m),
        Row("r5.4xlarge",    16, 128, 0, null, null,   "x86_64", "Intel", false, 1.008m,    1.008m,    1.008m,    1.128m),
        Row("r6i.large",      2,  16, 0, null, null,   "x86_64", "Intel", false, 0.126m,    0.126m,    0.126m,    0.141m),
        Row("r6i.xlarge",     4,  32, 0, null, null,   "x86_64", "Intel", false, 0.252m,    0.252m,    0.252m,    0.282m),
        Row("r6i.2xlarge",    8,  64, 0, null, null,   "x86_64", "Intel", false, 0.504m,    0.504m,    0.504m,    0.564m),
        Row("r6i.4xlarge",   16, 128, 0, null, null,   "x86_64", "Intel", false, 1.008m,    1.008m,    1.008m,    1.128m),
        Row("g4dn.xlarge",    4,  16, 1, "T4",   16m,  "x86_64", "Intel", false, 0.526m,    0.526m,    0.526m,    0.587m),
        Row("g4dn.2xlarge",   8,  32, 1, "T4",   16m,  "x86_64", "Intel", false, 0.752m,    0.752m,    0.752m,    0.838m),
        Row("g4dn.4xlarge",  16,  64, 1, "T4",   16m,  "x86_64", "Intel", false, 1.204m,    1.204m,    1.204m,    1.342m),
        Row("g5.xlarge",      4,  16, 1, "A10G", 24m,  "x86_64", "AMD",   false, 1.006m,    1.006m,    1.006m,    1.123m),
        Row("g5.2xlarge",     8,  32, 1, "A10G", 24m,  "x86_64", "AMD",   false, 1.212m,    1.212m,    1.212m,    1.35296m),
        Row("g5.4xlarge",    16,  64, 1, "A10G", 24m,  "x86_64", "AMD",   false, 1.624m,    1.624m,    1.624m,    1.81287m),
    ];

    private static readonly FrozenDictionary<string, Ec2InstanceTypeSpec> ByName =
        Rows.ToFrozenDictionary(r => r.Name, StringComparer.Ordinal);

    /// <summary>Every type in the catalogue, in table order.</summary>
    public static IReadOnlyList<Ec2InstanceTypeSpec> All => Rows;

    /// <summary>The families in the catalogue.</summary>
    public static IReadOnlyList<string> Families { get; } = Rows.Select(r => r.Family).Distinct().ToArray();

    /// <summary>Finds a type by exact name.</summary>
    public static Ec2InstanceTypeSpec? Find(string instanceType) => ByName.GetValueOrDefault(instanceType);

    /// <summary>The on-demand Linux $/h of a type in a region, or null when the catalogue does not price it there.</summary>
    public static decimal? OnDemandHourly(string instanceType, string region) =>
        Find(instanceType) is { } spec && spec.OnDemandHourlyByRegion.TryGetValue(region, out var price) ? price : null;

    private static Ec2InstanceTypeSpec Row(
        string name, int vcpus, decimal memoryGiB, int gpus, string? gpuModel, decimal? gpuMemoryGiB, string architecture,
        string cpu, bool burstable, decimal usEast1, decimal usEast2, decimal usWest2, decimal euWest1) =>
        new()
        {
            Name = name,
            VCpus = vcpus,
            MemoryGiB = memoryGiB,
            GpuCount = gpus,
            GpuModel = gpuModel,
            GpuMemoryGiB = gpuMemoryGiB,
            Architecture = architecture,
            CpuManufacturer = cpu,
            Burstable = burstable,
            OnDemandHourlyByRegion = new Dictionary<string, decimal>
            {
                ["us-east-1"] = usEast1, ["us-east-2"] = usEast2, ["us-west-2"] = usWest2, ["eu-west-1"] = euWest1,
            }.ToFrozenDictionary(StringComparer.Ordinal),
        };
}
