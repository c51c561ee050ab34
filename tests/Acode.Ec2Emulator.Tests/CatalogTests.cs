using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.Ec2Emulator.Tests;

public sealed class CatalogTests
{
    [Fact]
    public async Task DescribeImages_selects_by_owner_and_name()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var amazon = await h.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"], Filters = [new Filter("name", ["al2023-ami-*-x86_64"])] });
        Assert.Equal(EmulatorHarness.AmazonLinux2023, amazon.Images.Single().ImageId);
        var canonical = await h.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["099720109477"], Filters = [new Filter("name", ["*jammy-22.04*"])] });
        Assert.Equal(EmulatorHarness.Ubuntu2204, canonical.Images.Single().ImageId);
        Assert.Equal(2, (await h.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["136693071363"] })).Images.Count);
        Assert.Equal("/dev/sda1", canonical.Images[0].RootDeviceName);
        Assert.Empty((await h.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] })).Images ?? []);
        await AssertEc2.FailsAsync("InvalidAMIID.NotFound", () => h.Ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["ami-0123456789abcdef0"] }));
    }

    [Fact]
    public async Task The_default_vpc_has_one_default_subnet_per_zone()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var vpc = (await h.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("is-default", ["true"])] })).Vpcs.Single();
        Assert.True(vpc.IsDefault);
        Assert.Equal("172.31.0.0/16", vpc.CidrBlock);
        var subnets = (await h.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("vpc-id", [vpc.VpcId]), new Filter("default-for-az", ["true"])] })).Subnets;
        var zones = (await h.Ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest())).AvailabilityZones;
        Assert.Equal(zones.Select(z => z.ZoneName).Order(), subnets.Select(s => s.AvailabilityZone).Order());
        Assert.Equal("use1-az1", zones.Single(z => z.ZoneName == "us-east-1a").ZoneId);
        var regions = (await h.Ec2.DescribeRegionsAsync(new DescribeRegionsRequest())).Regions;
        Assert.Contains(regions, r => r.RegionName == "eu-west-1" && r.Endpoint == "ec2.eu-west-1.amazonaws.com");
        await AssertEc2.FailsAsync("InvalidSubnetID.NotFound", () => h.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = ["subnet-0123456789abcdef0"] }));
    }

    [Fact]
    public async Task DescribeInstanceTypes_reports_size_gpus_and_pages_through_the_catalogue()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var g4 = (await h.Ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = [InstanceType.G4dnXlarge] })).InstanceTypes.Single();
        Assert.Equal(4, g4.VCpuInfo.DefaultVCpus);
        Assert.Equal(16384, g4.MemoryInfo.SizeInMiB);
        Assert.Equal("T4", g4.GpuInfo.Gpus.Single().Name);
        Assert.Equal(16384, g4.GpuInfo.Gpus[0].MemoryInfo.SizeInMiB);
        Assert.Equal("x86_64", g4.ProcessorInfo.SupportedArchitectures.Single());
        var t3 = (await h.Ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = [InstanceType.T3Micro] })).InstanceTypes.Single();
        Assert.Null(t3.GpuInfo);
        Assert.True(t3.BurstablePerformanceSupported);

        var all = new List<string>();
        await foreach (var type in h.Ec2.Paginators.DescribeInstanceTypes(new DescribeInstanceTypesRequest { MaxResults = 20 }).InstanceTypes)
        {
            all.Add(type.InstanceType.Value);
        }

        Assert.Equal(52, all.Distinct().Count());
        var big = await h.Ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { Filters = [new Filter("vcpu-info.default-vcpus", ["16"]), new Filter("instance-type", ["r6i.*"])] });
        Assert.Equal("r6i.4xlarge", big.InstanceTypes.Single().InstanceType.Value);
        await AssertEc2.FailsAsync("InvalidInstanceType", () => h.Ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = ["t9.huge"] }));
    }

    [Fact]
    public async Task Offerings_by_zone_miss_gpu_types_in_the_last_zone()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var offerings = new List<InstanceTypeOffering>();
        await foreach (var o in h.Ec2.Paginators.DescribeInstanceTypeOfferings(new DescribeInstanceTypeOfferingsRequest
        {
            LocationType = LocationType.AvailabilityZone, Filters = [new Filter("instance-type", ["g5.xlarge"])],
        }).InstanceTypeOfferings)
        {
            offerings.Add(o);
        }

        Assert.Equal(["us-east-1a", "us-east-1b"], offerings.Select(o => o.Location).Order());
        var region = await h.Ec2.DescribeInstanceTypeOfferingsAsync(new DescribeInstanceTypeOfferingsRequest { Filters = [new Filter("instance-type", ["g5.xlarge"])] });
        Assert.Equal("us-east-1", region.InstanceTypeOfferings.Single().Location);
    }

    [Fact]
    public async Task Reserved_instances_are_empty_until_added_through_the_control_api()
    {
        await using var h = await EmulatorHarness.StartAsync();
        Assert.Empty((await h.Ec2.DescribeReservedInstancesAsync(new DescribeReservedInstancesRequest())).ReservedInstances ?? []);
        h.Emulator.AddReservedInstances(new ReservedInstanceRecord { InstanceType = "m5.large", InstanceCount = 3, RecurringHourlyPrice = 0.06m });
        var ri = (await h.Ec2.DescribeReservedInstancesAsync(new DescribeReservedInstancesRequest { Filters = [new Filter("instance-type", ["m5.large"])] })).ReservedInstances.Single();
        Assert.Equal(3, ri.InstanceCount);
        Assert.Equal(ReservedInstanceState.Active, ri.State);
        Assert.Equal(0.06, ri.RecurringCharges.Single().Amount);
    }
}
