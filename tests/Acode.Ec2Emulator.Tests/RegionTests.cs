using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace Acode.Ec2Emulator.Tests;

/// <summary>
/// Regions are separate, as separate EC2 endpoints are: the SigV4 scope's region picks the state a request sees, with
/// that region's zones and default subnets; DescribeRegions lists the commercial regions.
/// </summary>
public sealed class RegionTests
{
    [Fact]
    public async Task An_instance_and_a_key_pair_live_only_in_the_region_they_were_made_in()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var frankfurt = Client(h, "eu-central-1");
        using var mumbai = Client(h, "ap-south-1");

        var launched = (await frankfurt.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = EmulatorHarness.AmazonLinux2, InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1,
        })).Reservation.Instances[0];
        await frankfurt.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = "same-name" });
        await mumbai.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = "same-name" });

        Assert.StartsWith("eu-central-1", launched.Placement.AvailabilityZone, StringComparison.Ordinal);
        Assert.Single((await frankfurt.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations);
        Assert.Null((await mumbai.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations);
        Assert.Null((await h.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations);
        await AssertEc2.FailsAsync("InvalidInstanceID.NotFound", () => mumbai.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [launched.InstanceId] }));
        Assert.Null((await h.Ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest())).KeyPairs);
        Assert.Single((await mumbai.DescribeKeyPairsAsync(new DescribeKeyPairsRequest())).KeyPairs);
    }

    [Theory]
    [InlineData("ap-south-1")]
    [InlineData("sa-east-1")]
    [InlineData("il-central-1")]
    public async Task Each_region_has_its_own_zones_default_subnets_and_groups(string region)
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var client = Client(h, region);

        var zones = (await client.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest())).AvailabilityZones;
        var subnets = (await client.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets;
        var regionalGroup = (await client.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest())).SecurityGroups.Single();
        var homeGroup = (await h.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest())).SecurityGroups.Single();

        Assert.Equal([region + "a", region + "b", region + "c"], zones.Select(z => z.ZoneName));
        Assert.All(zones, z => Assert.Equal(region, z.RegionName));
        Assert.Equal(zones.Select(z => z.ZoneName), subnets.Select(s => s.AvailabilityZone).Order(StringComparer.Ordinal));
        Assert.All(subnets, s => Assert.Contains($":{region}:", s.SubnetArn, StringComparison.Ordinal));
        Assert.NotEqual(homeGroup.GroupId, regionalGroup.GroupId);
    }

    [Fact]
    public async Task DescribeRegions_lists_every_commercial_region_with_its_opt_in_status()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var regions = (await h.Ec2.DescribeRegionsAsync(new DescribeRegionsRequest { AllRegions = true })).Regions;

        Assert.True(regions.Count >= 34, $"{regions.Count} regions");
        foreach (var optIn in new[] { "af-south-1", "ap-east-1", "me-south-1", "eu-south-1", "ap-south-2", "ap-southeast-3", "ap-southeast-7", "eu-central-2", "eu-south-2", "il-central-1", "me-central-1", "ca-west-1", "mx-central-1" })
        {
            Assert.Equal("opted-in", regions.Single(r => r.RegionName == optIn).OptInStatus);
        }

        Assert.Equal("opt-in-not-required", regions.Single(r => r.RegionName == "eu-central-1").OptInStatus);
        Assert.Equal("ec2.ap-south-1.amazonaws.com", regions.Single(r => r.RegionName == "ap-south-1").Endpoint);
        Assert.DoesNotContain(regions, r => r.RegionName.Contains("-gov-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reset_forgets_every_region()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var client = Client(h, "eu-central-1");
        await client.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = "k" });

        h.Emulator.Reset();

        Assert.Null((await client.DescribeKeyPairsAsync(new DescribeKeyPairsRequest())).KeyPairs);
    }

    [Fact]
    public async Task An_instance_outside_the_default_region_keeps_its_own_metadata_options()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var frankfurt = Client(h, "eu-central-1");
        var launched = (await frankfurt.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = EmulatorHarness.AmazonLinux2, InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1,
            MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Optional },
        })).Reservation.Instances[0];

        using var imds = new ImdsClient(new Uri(h.Emulator.ImdsUrl, launched.InstanceId + "/"));

        Assert.Equal(launched.InstanceId, (await imds.GetAsync("latest/meta-data/instance-id", withToken: false)).Body);
    }

    private static AmazonEC2Client Client(EmulatorHarness h, string region) =>
        new(new BasicAWSCredentials("test", "test"), new AmazonEC2Config { ServiceURL = h.Emulator.ServiceUrl.ToString(), AuthenticationRegion = region, MaxErrorRetry = 0 });
}
