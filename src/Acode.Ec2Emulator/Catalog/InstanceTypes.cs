using System.Globalization;

namespace Acode.Ec2Emulator.Catalog;

/// <summary>
/// The instance-type catalogue (vCPUs, GiB, GPU, CPU maker, $/h in us-east-1/us-east-2/us-west-2 and eu-west-1),
/// from the project's price fact sheet (shared/data/ec2-prices.md).
/// </summary>
internal static class InstanceTypes
{
    private static readonly string[] Rows =
    [
        "t3.nano 2 0.5 - Intel 0.0052 0.0057",
        "t3a.nano 2 0.5 - AMD 0.0047 0.0051",
        "t3.micro 2 1 - Intel 0.0104 0.0114",
        "t3.small 2 2 - Intel 0.0208 0.0228",
        "t3.medium 2 4 - Intel 0.0416 0.0456",
        "t3.large 2 8 - Intel 0.0832 0.0912",
        "t3.xlarge 4 16 - Intel 0.1664 0.1824",
        "t3.2xlarge 8 32 - Intel 0.3328 0.3648",
        "t3a.micro 2 1 - AMD 0.0094 0.0102",
        "t3a.small 2 2 - AMD 0.0188 0.0204",
        "t3a.medium 2 4 - AMD 0.0376 0.0408",
        "t3a.large 2 8 - AMD 0.0752 0.0816",
        "t3a.xlarge 4 16 - AMD 0.1504 0.1632",
        "t3a.2xlarge 8 32 - AMD 0.3008 0.3264",
        "m5.large 2 8 - Intel 0.096 0.107",
        "m5.xlarge 4 16 - Intel 0.192 0.214",
        "m5.2xlarge 8 32 - Intel 0.384 0.428",
        "m5.4xlarge 16 64 - Intel 0.768 0.856",
        "m6i.large 2 8 - Intel 0.096 0.107",
        "m6i.xlarge 4 16 - Intel 0.192 0.214",
        "m6i.2xlarge 8 32 - Intel 0.384 0.428",
        "m6i.4xlarge 16 64 - Intel 0.768 0.856",
        "m7i.large 2 8 - Intel 0.1008 0.11235",
        "m7i.xlarge 4 16 - Intel 0.2016 0.2247",
        "m7i.2xlarge 8 32 - Intel 0.4032 0.4494",
        "m7i.4xlarge 16 64 - Intel 0.8064 0.8988",
        "c5.large 2 4 - Intel 0.085 0.096",
        "c5.xlarge 4 8 - Intel 0.170 0.192",
        "c5.2xlarge 8 16 - Intel 0.340 0.384",
        "c5.4xlarge 16 32 - Intel 0.680 0.768",
        "c6i.large 2 4 - Intel 0.085 0.0912",
        "c6i.xlarge 4 8 - Intel 0.170 0.1824",
        "c6i.2xlarge 8 16 - Intel 0.340 0.3648",
        "c6i.4xlarge 16 32 - Intel 0.680 0.7296",
        "c7i.large 2 4 - Intel 0.08925 0.09576",
        "c7i.xlarge 4 8 - Intel 0.1785 0.19152",
        "c7i.2xlarge 8 16 - Intel 0.357 0.38304",
        "c7i.4xlarge 16 32 - Intel 0.714 0.76608",
        "r5.large 2 16 - Intel 0.126 0.141",
        "r5.xlarge 4 32 - Intel 0.252 0.282",
        "r5.2xlarge 8 64 - Intel 0.504 0.564",
        "r5.4xlarge 16 128 - Intel 1.008 1.128",
        "r6i.large 2 16 - Intel 0.126 0.141",
        "r6i.xlarge 4 32 - Intel 0.252 0.282",
        "r6i.2xlarge 8 64 - Intel 0.504 0.564",
        "r6i.4xlarge 16 128 - Intel 1.008 1.128",
        "g4dn.xlarge 4 16 T4 Intel 0.526 0.587",
        "g4dn.2xlarge 8 32 T4 Intel 0.752 0.838",
        "g4dn.4xlarge 16 64 T4 Intel 1.204 1.342",
        "g5.xlarge 4 16 A10G AMD 1.006 1.123",
        "g5.2xlarge 8 32 A10G AMD 1.212 1.35296",
        "g5.4xlarge 16 64 A10G AMD 1.624 1.81287",
    ];

    public static readonly IReadOnlyList<InstanceTypeInfo> All = [.. Rows.Select(Parse)];

    public static InstanceTypeInfo? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    private static InstanceTypeInfo Parse(string row)
    {
        var f = row.Split(' ');
        var gib = decimal.Parse(f[2], CultureInfo.InvariantCulture);
        return new InstanceTypeInfo(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), (long)(gib * 1024), f[3] == "-" ? null : f[3], f[4],
            decimal.Parse(f[5], CultureInfo.InvariantCulture), decimal.Parse(f[6], CultureInfo.InvariantCulture));
    }
}
