using Amazon.EC2;
using Amazon.EC2.Model;
using Acode.Ec2Emulator.Control;

namespace Acode.Ec2Emulator.Tests;

/// <summary>CreateFleet (instant) over launch templates, through the SDK's own serializers: pools by price, per-pool errors in a 200 reply.</summary>
public sealed class FleetTests
{
    [Fact]
    public async Task An_instant_spot_fleet_launches_the_cheapest_pool_with_capacity_and_reports_the_pool_without()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.Emulator.InjectFault(new FaultRule { Action = "CreateFleet", Code = FaultCodes.InsufficientInstanceCapacity, AvailabilityZone = "us-east-1c", Rate = 1 });
        var template = await TemplateAsync(h);
        var subnets = (await h.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets.OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal).ToList();

        var fleet = await h.Ec2.CreateFleetAsync(Request(template, ["t3.micro", "t3.small"], subnets, "token-1"));

        var launched = Assert.Single(fleet.Instances);
        Assert.Equal("t3.micro", launched.InstanceType.Value);
        Assert.Equal(subnets[1].SubnetId, launched.LaunchTemplateAndOverrides.Overrides.SubnetId);
        var error = Assert.Single(fleet.Errors);
        Assert.Equal(("InsufficientInstanceCapacity", "t3.micro", subnets[2].SubnetId), (error.ErrorCode, error.LaunchTemplateAndOverrides.Overrides.InstanceType.Value, error.LaunchTemplateAndOverrides.Overrides.SubnetId));
        Assert.Equal(InstanceLifecycle.Spot, error.Lifecycle);
        var instance = await h.DescribeAsync(launched.InstanceIds.Single());
        Assert.Equal((InstanceLifecycleType.Spot, "us-east-1b"), (instance.InstanceLifecycle, instance.Placement.AvailabilityZone));
        Assert.Equal(HttpTokensState.Required, instance.MetadataOptions.HttpTokens);
        Assert.Contains(instance.Tags, t => t.Key == "acode" && t.Value == "true");
        Assert.Contains(instance.Tags, t => t.Key == "aws:ec2:fleet-id" && t.Value == fleet.FleetId);

        var again = await h.Ec2.CreateFleetAsync(Request(template, ["t3.micro", "t3.small"], subnets, "token-1"));
        Assert.Equal((fleet.FleetId, launched.InstanceIds.Single()), (again.FleetId, again.Instances.Single().InstanceIds.Single()));
        await AssertEc2.FailsAsync("IdempotentParameterMismatch", () => h.Ec2.CreateFleetAsync(Request(template, ["t3.small"], subnets, "token-1")));
    }

    [Fact]
    public async Task Without_capacity_anywhere_a_fleet_launches_nothing_and_lists_every_pool()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.Emulator.InjectFault(new FaultRule { Action = "CreateFleet", Code = FaultCodes.InsufficientInstanceCapacity, Rate = 1 });
        var template = await TemplateAsync(h);
        var subnets = (await h.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets;

        var fleet = await h.Ec2.CreateFleetAsync(Request(template, ["t3.micro", "t3.small"], subnets, null));

        Assert.Empty(fleet.Instances ?? []);
        Assert.Equal(6, fleet.Errors.Count);
        Assert.Null((await h.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations);
        await h.Ec2.DeleteLaunchTemplateAsync(new DeleteLaunchTemplateRequest { LaunchTemplateId = template });
        Assert.Empty((await h.Ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest())).LaunchTemplates ?? []);
        await AssertEc2.FailsAsync("InvalidLaunchTemplateId.NotFound", () => h.Ec2.CreateFleetAsync(Request(template, ["t3.micro"], subnets, null)));
    }

    private static async Task<string> TemplateAsync(EmulatorHarness h) =>
        (await h.Ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest
        {
            LaunchTemplateName = "acode-test",
            LaunchTemplateData = new RequestLaunchTemplateData
            {
                ImageId = EmulatorHarness.AmazonLinux2023,
                MetadataOptions = new LaunchTemplateInstanceMetadataOptionsRequest { HttpTokens = LaunchTemplateHttpTokensState.Required },
                NetworkInterfaces = [new LaunchTemplateInstanceNetworkInterfaceSpecificationRequest { DeviceIndex = 0, AssociatePublicIpAddress = true }],
                TagSpecifications = [new LaunchTemplateTagSpecificationRequest { ResourceType = ResourceType.Instance, Tags = [new Tag("acode", "true")] }],
            },
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.LaunchTemplate, Tags = [new Tag("acode", "true")] }],
        })).LaunchTemplate.LaunchTemplateId;

    private static CreateFleetRequest Request(string template, string[] types, List<Subnet> subnets, string? token) => new()
    {
        Type = FleetType.Instant,
        ClientToken = token,
        TargetCapacitySpecification = new TargetCapacitySpecificationRequest { TotalTargetCapacity = 1, DefaultTargetCapacityType = DefaultTargetCapacityType.Spot },
        SpotOptions = new SpotOptionsRequest { AllocationStrategy = SpotAllocationStrategy.PriceCapacityOptimized },
        LaunchTemplateConfigs =
        [
            new FleetLaunchTemplateConfigRequest
            {
                LaunchTemplateSpecification = new FleetLaunchTemplateSpecificationRequest { LaunchTemplateId = template, Version = "$Latest" },
                Overrides = [.. types.SelectMany(t => subnets.Select(s => new FleetLaunchTemplateOverridesRequest { InstanceType = InstanceType.FindValue(t), SubnetId = s.SubnetId }))],
            },
        ],
    };
}
