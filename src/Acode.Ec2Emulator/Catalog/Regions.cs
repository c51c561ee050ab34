namespace Acode.Ec2Emulator.Catalog;

/// <summary>The commercial regions (DescribeRegions) and every region's availability zones.</summary>
internal static class Regions
{
    /// <summary>The aws partition's regions as of 2026-12, from AWS's region list (opt-in ones included).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "ca-west-1", "mx-central-1", "sa-east-1",
        "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
        "af-south-1", "il-central-1", "me-south-1", "me-central-1", "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
        "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
    ];

    /// <summary>Regions launched since March 2019, which an account must opt in to (the emulated account has).</summary>
    private static readonly HashSet<string> OptIn =
    [
        "af-south-1", "ap-east-1", "ap-east-2", "ap-south-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
        "ap-southeast-6", "ap-southeast-7", "ca-west-1", "eu-central-2", "eu-south-1", "eu-south-2", "il-central-1",
        "me-central-1", "me-south-1", "mx-central-1",
    ];

    /// <summary>DescribeRegions' <c>optInStatus</c> for an account that enabled every opt-in region.</summary>
    public static string OptInStatus(string region) => OptIn.Contains(region) ? "opted-in" : "opt-in-not-required";

    /// <summary>Three zones per region, <c>a</c>, <c>b</c>, <c>c</c>.</summary>
    public static IReadOnlyList<string> Zones(string region) => [region + "a", region + "b", region + "c"];

    /// <summary>The zone id, e.g. <c>use1-az1</c> for us-east-1a.</summary>
    public static string ZoneId(string zone)
    {
        var region = zone[..^1];
        var parts = region.Split('-');
        var abbreviation = parts[0] + string.Concat(parts.Skip(1).Take(parts.Length - 2).Select(p => p[0])) + parts[^1];
        return $"{abbreviation}-az{zone[^1] - 'a' + 1}";
    }

    /// <summary>GPU types are not offered in a region's last zone, so callers meet a missing offering.</summary>
    public static bool IsOffered(InstanceTypeInfo type, string zone) => !(type.GpuName is not null && zone.EndsWith('c'));

    /// <summary>The spot discount per zone, within the ranges seen in the price fact sheet.</summary>
    public static decimal SpotDiscount(string zone) => (zone[..^1], zone[^1]) switch
    {
        ("eu-west-1", 'a') => 0.52m,
        ("eu-west-1", 'b') => 0.54m,
        ("eu-west-1", _) => 0.56m,
        (_, 'a') => 0.62m,
        (_, 'b') => 0.66m,
        _ => 0.69m,
    };
}
