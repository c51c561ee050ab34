using Acode.Application.Compute.Ec2.Catalog;

namespace Acode.UnitTests.Compute.Ec2;

/// <summary>FR-047/048: needs -> the cheapest catalogued type that fits.</summary>
public sealed class Ec2InstanceRecommenderTests
{
    private static readonly Ec2InstanceRequirements UsEast1 = new() { Region = "us-east-1" };

    public static TheoryData<string, Ec2InstanceRequirements, string> Table => new()
    {
        { "small burstable", UsEast1 with { MinVCpus = 2, MinMemoryGiB = 4 }, "t3a.medium" },
        { "small steady", UsEast1 with { MinVCpus = 2, MinMemoryGiB = 4, AllowBurstable = false }, "c5.large" },
        { "general 4x16", UsEast1 with { MinVCpus = 4, MinMemoryGiB = 16, AllowBurstable = false }, "m5.xlarge" },
        { "memory 2x16", UsEast1 with { MinVCpus = 2, MinMemoryGiB = 16 }, "r5.large" },
        { "large memory", UsEast1 with { MinVCpus = 16, MinMemoryGiB = 128 }, "r5.4xlarge" },
        { "any gpu", UsEast1 with { MinVCpus = 4, MinGpus = 1 }, "g4dn.xlarge" },
        { "a10g", UsEast1 with { MinGpus = 1, GpuModel = "a10g" }, "g5.xlarge" },
        { "gpu 16 vcpu", UsEast1 with { MinVCpus = 16, MinGpus = 1 }, "g4dn.4xlarge" },
        { "cheapest of all", UsEast1, "t3a.micro" },
        { "eu steady", new Ec2InstanceRequirements { Region = "eu-west-1", MinVCpus = 2, MinMemoryGiB = 4, AllowBurstable = false }, "c6i.large" },
        { "price cap", UsEast1 with { MinVCpus = 8, MaxHourlyPrice = 0.31m }, "t3a.2xlarge" },
        { "offered only", UsEast1 with { MinVCpus = 2, OfferedTypes = new HashSet<string> { "m7i.large", "c7i.large" } }, "c7i.large" },
        { "spot live", UsEast1 with { MinVCpus = 2, MinMemoryGiB = 4, AllowBurstable = false, SpotAllowed = true, SpotPrices = new Dictionary<string, decimal> { ["c5.large"] = 0.0377m, ["c6i.large"] = 0.0330m } }, "c6i.large" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Needs_give_the_cheapest_fitting_type(string name, Ec2InstanceRequirements needs, string expected)
    {
        var first = Ec2InstanceRecommender.Recommend(needs)[0];

        Assert.True(expected == first.InstanceType, $"{name}: got {first.InstanceType}");
    }

    [Fact]
    public void Recommendations_are_ranked_and_explained()
    {
        var ranked = Ec2InstanceRecommender.Recommend(UsEast1 with { MinVCpus = 2, MinMemoryGiB = 8, AllowBurstable = false });

        Assert.Equal(["m5.large", "m6i.large", "m7i.large"], ranked.Select(r => r.InstanceType));
        Assert.Equal("2 vCPU (need 2), 8 GiB (need 8); $0.096/h on-demand in us-east-1", ranked[0].Reason);
        Assert.False(ranked[0].IsSpot);
    }

    [Fact]
    public void Spot_ranking_states_an_assumed_rate()
    {
        var first = Ec2InstanceRecommender.Recommend(UsEast1 with { MinVCpus = 4, MinGpus = 1, SpotAllowed = true })[0];

        Assert.Equal(("g4dn.xlarge", 0.2367m, true, true), (first.InstanceType, first.HourlyRate, first.IsSpot, first.RateIsAssumed));
        Assert.Equal("4 vCPU (need 4), 16 GiB (need 0), 1x T4 GPU (need 1); $0.2367/h spot, assumed offline discount in us-east-1", first.Reason);
    }

    [Fact]
    public void Nothing_fits_gives_an_empty_list()
    {
        Assert.Empty(Ec2InstanceRecommender.Recommend(UsEast1 with { Architecture = "arm64" }));
        Assert.Empty(Ec2InstanceRecommender.Recommend(UsEast1 with { MaxHourlyPrice = 0.009m }));
        Assert.Empty(Ec2InstanceRecommender.Recommend(UsEast1 with { Region = "ap-south-1" }));
    }
}
