using System.Globalization;
using Acode.Ec2Emulator.Catalog;
using Acode.Ec2Emulator.Protocol;

namespace Acode.Ec2Emulator.Actions;

/// <summary>DescribeInstanceTypes and DescribeInstanceTypeOfferings (GPU types are missing in the last zone).</summary>
internal static class InstanceTypeActions
{
    private static readonly FilterSpec<InstanceTypeInfo> Filters = new()
    {
        ["instance-type"] = t => [t.Name],
        ["vcpu-info.default-vcpus"] = t => [t.VCpus.ToString(CultureInfo.InvariantCulture)],
        ["memory-info.size-in-mib"] = t => [t.MemoryMiB.ToString(CultureInfo.InvariantCulture)],
        ["processor-info.supported-architecture"] = _ => ["x86_64"],
        ["processor-info.manufacturer"] = t => [t.Manufacturer],
        ["current-generation"] = _ => ["true"],
        ["burstable-performance-supported"] = t => [t.Burstable ? "true" : "false"],
        ["supported-usage-class"] = _ => ["on-demand", "spot"],
        ["hypervisor"] = _ => ["nitro"],
        ["bare-metal"] = _ => ["false"],
        ["free-tier-eligible"] = t => [t.Name == "t3.micro" ? "true" : "false"],
        ["gpu-info.gpus.count"] = t => t.GpuName is null ? [] : [t.GpuCount.ToString(CultureInfo.InvariantCulture)],
        ["gpu-info.gpus.name"] = t => [t.GpuName],
        ["gpu-info.total-gpu-memory-in-mib"] = t => t.GpuName is null ? [] : [t.GpuMemoryMiB.ToString(CultureInfo.InvariantCulture)],
    };

    private static readonly FilterSpec<(string Type, string Location)> OfferingFilters = new()
    {
        ["instance-type"] = o => [o.Type],
        ["location"] = o => [o.Location],
    };

    public static void Register(ActionRegistry registry)
    {
        registry.Query("DescribeInstanceTypes", DescribeInstanceTypes);
        registry.Query("DescribeInstanceTypeOfferings", DescribeInstanceTypeOfferings);
    }

    private static void DescribeInstanceTypes(ActionContext ctx, XmlReply r)
    {
        var names = ctx.Params.GetList("InstanceType");
        if (names.Count > 100)
        {
            throw new Ec2Exception("InvalidParameterValue", "The maximum number of instance types is 100.");
        }

        var unknown = names.Where(n => InstanceTypes.Find(n) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new Ec2Exception("InvalidInstanceType", $"The following supplied instance types do not exist: [{string.Join(", ", unknown)}]");
        }

        var selected = InstanceTypes.All.Where(t => names.Count == 0 || names.Contains(t.Name));
        var (page, next) = Pagination.Page(Filters.Apply(selected, ctx.Params.GetFilters()).ToList(), ctx.Params, "DescribeInstanceTypes", 5, 100);
        r.Set("instanceTypeSet", page, (x, t) =>
        {
            x.E("instanceType", t.Name).E("currentGeneration", true).E("freeTierEligible", t.Name == "t3.micro");
            x.Values("supportedUsageClasses", ["on-demand", "spot"]);
            x.Values("supportedRootDeviceTypes", ["ebs"]);
            x.Values("supportedVirtualizationTypes", ["hvm"]);
            x.E("bareMetal", false).E("hypervisor", "nitro");
            x.Open("processorInfo");
            x.Values("supportedArchitectures", ["x86_64"]);
            x.E("sustainedClockSpeedInGhz", "3.1").E("manufacturer", t.Manufacturer).Close();
            x.Open("vCpuInfo").E("defaultVCpus", t.VCpus).E("defaultCores", Math.Max(1, t.VCpus / 2)).E("defaultThreadsPerCore", 2).Close();
            x.Open("memoryInfo").E("sizeInMiB", t.MemoryMiB).Close();
            x.E("instanceStorageSupported", t.GpuName is not null);
            x.Open("ebsInfo").E("ebsOptimizedSupport", "default").E("encryptionSupport", "supported").E("nvmeSupport", "required").Close();
            x.Open("networkInfo").E("networkPerformance", t.VCpus >= 16 ? "Up to 25 Gigabit" : "Up to 5 Gigabit").E("maximumNetworkInterfaces", Math.Min(8, 2 + (t.VCpus / 2)))
                .E("ipv4AddressesPerInterface", 15).E("ipv6Supported", true).E("enaSupport", "required").Close();
            if (t.GpuName is not null)
            {
                x.Open("gpuInfo");
                x.Set("gpus", [t], (y, g) => y.E("name", g.GpuName).E("manufacturer", "NVIDIA").E("count", g.GpuCount)
                    .Open("memoryInfo").E("sizeInMiB", g.GpuMemoryMiB).Close());
                x.E("totalGpuMemoryInMiB", t.GpuMemoryMiB).Close();
            }

            x.Values("supportedBootModes", ["legacy-bios", "uefi"]);
            x.E("burstablePerformanceSupported", t.Burstable).E("hibernationSupported", true).E("autoRecoverySupported", true);
        });
        r.E("nextToken", next);
    }

    private static void DescribeInstanceTypeOfferings(ActionContext ctx, XmlReply r)
    {
        var locationType = ctx.Params.Get("LocationType") ?? "region";
        var region = ctx.State.Region;
        IEnumerable<(string Type, string Location)> offerings = locationType switch
        {
            "region" => InstanceTypes.All.Select(t => (t.Name, region)),
            "availability-zone" => Regions.Zones(region).SelectMany(z => InstanceTypes.All.Where(t => Regions.IsOffered(t, z)).Select(t => (t.Name, z))),
            "availability-zone-id" => Regions.Zones(region).SelectMany(z => InstanceTypes.All.Where(t => Regions.IsOffered(t, z)).Select(t => (t.Name, Regions.ZoneId(z)))),
            _ => throw Ec2Exception.InvalidValue("LocationType", locationType),
        };
        var (page, next) = Pagination.Page(OfferingFilters.Apply(offerings, ctx.Params.GetFilters()).ToList(), ctx.Params, "DescribeInstanceTypeOfferings", 5, 1000);
        r.Set("instanceTypeOfferingSet", page, (x, o) => x.E("instanceType", o.Type).E("locationType", locationType).E("location", o.Location));
        r.E("nextToken", next);
    }
}
