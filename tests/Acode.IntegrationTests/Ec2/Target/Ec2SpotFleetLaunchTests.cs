using Acode.Application.Compute;
using Acode.Domain.Compute.Ec2.Events;
using Acode.Ec2Emulator.Control;
using Acode.Infrastructure.Compute.Ec2;
using Amazon.EC2.Model;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>Issue 13 item 3, spot: one instant EC2 Fleet (price-capacity-optimized) over the spot types and AZs, then on-demand as before.</summary>
public sealed class Ec2SpotFleetLaunchTests(Ec2EmulatorFixture fixture) : IClassFixture<Ec2EmulatorFixture>
{
    private static readonly string[] FleetCalls = ["CreateLaunchTemplate", "CreateFleet", "DeleteLaunchTemplate"];

    [Fact]
    public async Task Spot_launches_through_one_fleet_in_the_cheapest_pool_that_has_capacity()
    {
        var events = new InMemoryEventPublisher();
        // us-east-1c has the emulator's lowest spot prices: without capacity there, the fleet picks us-east-1b.
        fixture.Emulator.InjectFault(new FaultRule { Action = "CreateFleet", Code = FaultCodes.InsufficientInstanceCapacity, AvailabilityZone = "us-east-1c", Rate = 1 });
        fixture.Emulator.ClearActionLog();
        try
        {
            await using var target = new Ec2ComputeTargetFactory(fixture.Dependencies(events)).Create(fixture.Configuration() with { SpotEnabled = true, SpotInstanceTypes = ["t3.micro", "t3.small"] });
            await target.PrepareAsync(new WorkspaceContext());

            var instance = (await fixture.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [target.Instance!.InstanceId] })).Reservations[0].Instances[0];
            Assert.Equal(("t3.micro", "us-east-1b", "spot"), (instance.InstanceType.Value, instance.Placement.AvailabilityZone, instance.InstanceLifecycle?.Value));
            Assert.Contains(instance.Tags, t => t.Key == "acode:session" && t.Value == target.SessionId);
            Assert.Equal(["spot t3.micro (max on-demand price) in us-east-1c"], events.PublishedOf<Ec2LaunchAttemptRefusedEvent>().Select(e => e.Attempt));
            Assert.Equal(FleetCalls, fixture.Emulator.ActionLog.Select(e => e.Action).Where(a => FleetCalls.Contains(a) || a == "RunInstances"));
            Assert.Empty((await fixture.Ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest())).LaunchTemplates ?? []);
            await target.TeardownAsync();
            await fixture.AssertNothingLeftAsync(target.SessionId);
        }
        finally
        {
            fixture.Emulator.ClearFaults();
        }
    }

    [Fact]
    public async Task Spot_without_capacity_in_any_pool_falls_back_to_on_demand_across_zones()
    {
        var events = new InMemoryEventPublisher();
        fixture.Emulator.InjectFault(new FaultRule { Action = "CreateFleet", Code = FaultCodes.InsufficientInstanceCapacity, Rate = 1 });
        fixture.Emulator.InjectFault(new FaultRule { Action = "RunInstances", Code = FaultCodes.InsufficientInstanceCapacity, AvailabilityZone = "us-east-1a", Rate = 1 });
        try
        {
            await using var target = new Ec2ComputeTargetFactory(fixture.Dependencies(events)).Create(fixture.Configuration() with { SpotEnabled = true, SpotInstanceTypes = ["t3.micro", "t3.small"] });
            await target.PrepareAsync(new WorkspaceContext());

            var instance = (await fixture.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [target.Instance!.InstanceId] })).Reservations[0].Instances[0];
            Assert.Equal(("t3.micro", "us-east-1b"), (instance.InstanceType.Value, instance.Placement.AvailabilityZone));
            Assert.Null(instance.InstanceLifecycle?.Value);
            var refused = events.PublishedOf<Ec2LaunchAttemptRefusedEvent>().Select(e => e.Attempt).ToList();
            Assert.Equal(7, refused.Count);
            Assert.All(refused.Take(6), a => Assert.StartsWith("spot ", a, StringComparison.Ordinal));
            Assert.Equal("on-demand t3.micro in us-east-1a", refused[6]);
            Assert.Single(events.PublishedOf<Ec2SpotFallbackEvent>());
            await target.TeardownAsync();
            await fixture.AssertNothingLeftAsync(target.SessionId);
        }
        finally
        {
            fixture.Emulator.ClearFaults();
        }
    }
}
