namespace Acode.Ec2Emulator.Catalog;

/// <summary>
/// The list prices the emulator's Price List (GetProducts) knows: on-demand Linux $/h and EBS $/GB-month. The US
/// regions (us-east-1, us-east-2, us-west-2) and eu-west-1 come from the project's price fact sheet
/// (shared/data/ec2-prices.md); eu-central-1 and ap-south-1 carry the t3 family and EBS as published on AWS's public
/// on-demand and EBS pricing pages (not in the fact sheet; enough for runs there to show a real figure). Every other
/// region and type has no product, so a client meets an empty price list there, as for a type AWS does not sell.
/// </summary>
internal static class ListPrices
{
    private static readonly HashSet<string> FactSheetUs = ["us-east-1", "us-east-2", "us-west-2"];

    private static readonly Dictionary<(string Region, string Type), decimal> Extra = new()
    {
        [("eu-central-1", "t3.micro")] = 0.012m,
        [("eu-central-1", "t3.small")] = 0.024m,
        [("eu-central-1", "t3.medium")] = 0.048m,
        [("eu-central-1", "t3.large")] = 0.096m,
        [("eu-central-1", "t3.xlarge")] = 0.192m,
        [("eu-central-1", "t3.2xlarge")] = 0.384m,
        [("ap-south-1", "t3.micro")] = 0.0112m,
        [("ap-south-1", "t3.small")] = 0.0224m,
        [("ap-south-1", "t3.medium")] = 0.0448m,
        [("ap-south-1", "t3.large")] = 0.0896m,
        [("ap-south-1", "t3.xlarge")] = 0.1792m,
        [("ap-south-1", "t3.2xlarge")] = 0.3584m,
    };

    private static readonly Dictionary<(string Region, string VolumeType), decimal> Ebs = new()
    {
        [("us-east-1", "gp3")] = 0.08m, [("us-east-1", "gp2")] = 0.10m,
        [("us-east-2", "gp3")] = 0.08m, [("us-east-2", "gp2")] = 0.10m,
        [("us-west-2", "gp3")] = 0.08m, [("us-west-2", "gp2")] = 0.10m,
        [("eu-west-1", "gp3")] = 0.088m, [("eu-west-1", "gp2")] = 0.11m,
        [("eu-central-1", "gp3")] = 0.0952m, [("eu-central-1", "gp2")] = 0.119m,
        [("ap-south-1", "gp3")] = 0.0912m, [("ap-south-1", "gp2")] = 0.114m,
    };

    /// <summary>The regions with at least one product.</summary>
    public static IEnumerable<string> Regions => Ebs.Keys.Select(k => k.Region).Distinct();

    /// <summary>The volume types sold as storage.</summary>
    public static IEnumerable<(string Region, string VolumeType, decimal GbMonth)> Volumes => Ebs.Select(e => (e.Key.Region, e.Key.VolumeType, e.Value));

    /// <summary>The on-demand Linux $/h of a type in a region; null when the emulator has no such product.</summary>
    public static decimal? OnDemand(InstanceTypeInfo type, string region) =>
        FactSheetUs.Contains(region) ? type.PriceUs
        : region == "eu-west-1" ? type.PriceEuWest1
        : Extra.TryGetValue((region, type.Name), out var price) ? price
        : null;
}
