using Acode.Application.Compute.Ec2.Catalog;

namespace Acode.UnitTests.Compute.Ec2;

/// <summary>The offline catalogue agrees with the spec's cost table and the price facts.</summary>
public sealed class Ec2InstanceCatalogTests
{
    [Theory]
    [InlineData("t3.micro", "us-east-1", 0.0104)]
    [InlineData("t3.medium", "us-east-1", 0.0416)]
    [InlineData("c5.large", "us-east-1", 0.085)]
    [InlineData("r5.large", "us-east-1", 0.126)]
    [InlineData("g4dn.xlarge", "us-east-1", 0.526)]
    [InlineData("g5.4xlarge", "eu-west-1", 1.81287)]
    [InlineData("c7i.xlarge", "eu-west-1", 0.19152)]
    [InlineData("m7i.large", "us-west-2", 0.1008)]
    [InlineData("t3a.2xlarge", "us-east-2", 0.3008)]
    public void Prices_match_the_facts(string type, string region, double price) =>
        Assert.Equal((decimal)price, Ec2InstanceCatalog.OnDemandHourly(type, region));

    [Fact]
    public void Every_family_of_the_issue_is_present_with_four_priced_regions()
    {
        Assert.Equal(["t3", "t3a", "m5", "m6i", "m7i", "c5", "c6i", "c7i", "r5", "r6i", "g4dn", "g5"], Ec2InstanceCatalog.Families);
        Assert.Equal(50, Ec2InstanceCatalog.All.Count);
        Assert.All(Ec2InstanceCatalog.All, s => Assert.Equal(4, s.OnDemandHourlyByRegion.Count));
    }

    [Fact]
    public void Hardware_is_recorded()
    {
        var g5 = Ec2InstanceCatalog.Find("g5.xlarge")!;

        Assert.Equal((4, 16m, 1, "A10G", "x86_64", "AMD"), (g5.VCpus, g5.MemoryGiB, g5.GpuCount, g5.GpuModel, g5.Architecture, g5.CpuManufacturer));
        Assert.Equal((16, 128m), (Ec2InstanceCatalog.Find("r6i.4xlarge")!.VCpus, Ec2InstanceCatalog.Find("r6i.4xlarge")!.MemoryGiB));
        Assert.Null(Ec2InstanceCatalog.Find("t3.nano"));
    }
}
