using Acode.Infrastructure.Compute.Ec2.Orphans;
using Amazon.EC2;

namespace Acode.IntegrationTests.Ec2.Orphans;

/// <summary>IT-004 per region: one emulator per region (each plays one), DescribeRegions for --all-regions.</summary>
[Collection(AwsEnvironmentCollection.Name)]
public sealed class Ec2OrphanRegionTests
{
    private static readonly TimeSpan Old = TimeSpan.FromHours(3);

    [Fact]
    public async Task One_region_or_all_regions_are_swept_with_each_row_in_its_region()
    {
        await using var east = await OrphanScenario.StartAsync("us-east-1");
        await using var west = await OrphanScenario.StartAsync("eu-west-1");
        await using var empty = await OrphanScenario.StartAsync("us-west-2");
        var eastOrphan = (await east.LaunchAsync(1, OrphanScenario.AcodeTags("e"), Old))[0];
        var westOrphans = await west.LaunchAsync(2, OrphanScenario.AcodeTags("w"), Old);
        var westFresh = (await west.LaunchAsync(1, OrphanScenario.AcodeTags("w2")))[0];
        IAmazonEC2 ClientFor(string region) => region switch
        {
            "eu-west-1" => west.Client(region),
            "us-east-1" => east.Client(region),
            _ => empty.Client(region),
        };
        using var detector = east.Detector(clientForRegion: ClientFor);

        var westOnly = await detector.PlanAsync(new Ec2CleanupRequest { Regions = ["eu-west-1"] });
        var listed = await detector.Lister.ListAsync(new Ec2ListRequest { AllRegions = true });
        var result = await detector.CleanupAsync(new Ec2CleanupRequest { AllRegions = true, Yes = true });

        Assert.Equal(westOrphans.Order(), westOnly.Orphans.Select(o => o.InstanceId).Order());
        Assert.All(westOnly.Orphans, o => Assert.Equal("eu-west-1", o.Region));
        Assert.True(listed.Count == 4, string.Join(", ", listed.Select(l => $"{l.InstanceId}@{l.Region}")));
        Assert.Equal("us-east-1", listed.Single(l => l.InstanceId == eastOrphan).Region);
        Assert.False(listed.Single(l => l.InstanceId == westFresh).Orphan);
        Assert.Contains("us-west-2", result.Plan.Regions);
        Assert.Equal(westOrphans.Append(eastOrphan).Order(), result.Ids(Ec2CleanupAction.Terminated).Order());
        Assert.Equal("running", await west.StateAsync(westFresh));
        Assert.Contains(empty.Emulator.ActionLog, e => e.Action == "DescribeInstances");
    }

    [Fact]
    public async Task Another_region_without_a_client_factory_is_refused()
    {
        await using var scenario = await OrphanScenario.StartAsync();
        using var detector = scenario.Detector();

        await Assert.ThrowsAsync<ArgumentException>(() => detector.PlanAsync(new Ec2CleanupRequest { Regions = ["eu-west-1"] }));
    }
}
