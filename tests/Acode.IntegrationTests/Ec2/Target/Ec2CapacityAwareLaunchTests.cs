using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Domain.Compute.Ec2.Events;
using Acode.Ec2Emulator.Control;
using Acode.Infrastructure.Compute.Ec2;
using Amazon.EC2.Model;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>Issue 13 item 3: a capacity error in one AZ and for one type ends in a launch elsewhere, or in a clear exhaustion.</summary>
public sealed class Ec2CapacityAwareLaunchTests(Ec2EmulatorFixture fixture) : IClassFixture<Ec2EmulatorFixture>
{
    [Fact]
    public async Task No_capacity_in_one_zone_and_for_one_type_launches_the_alternative_type_in_the_next_zone()
    {
        var events = new InMemoryEventPublisher();
        fixture.Emulator.InjectFault(new FaultRule { Action = "RunInstances", Code = "InsufficientInstanceCapacity", AvailabilityZone = "us-east-1a", Rate = 1 });
        fixture.Emulator.InjectFault(new FaultRule { Action = "RunInstances", Code = "InsufficientInstanceCapacity", InstanceType = "t3.micro", Rate = 1 });
        try
        {
            await using var target = new Ec2ComputeTargetFactory(fixture.Dependencies(events)).Create(fixture.Configuration() with { InstanceTypes = ["t3.small"] });
            await target.PrepareAsync(new WorkspaceContext());

            var instance = (await fixture.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [target.Instance!.InstanceId] })).Reservations[0].Instances[0];
            Assert.Equal(("t3.small", "us-east-1b"), (instance.InstanceType.Value, instance.Placement.AvailabilityZone));
            Assert.Equal(
                ["on-demand t3.micro in us-east-1a", "on-demand t3.micro in us-east-1b", "on-demand t3.micro in us-east-1c", "on-demand t3.small in us-east-1a"],
                events.PublishedOf<Ec2LaunchAttemptRefusedEvent>().Select(e => e.Attempt));
            Assert.Equal("on-demand t3.small in us-east-1b", events.PublishedOf<Ec2LaunchAttemptRefusedEvent>()[^1].NextAttempt);
            Assert.All(events.PublishedOf<Ec2LaunchAttemptRefusedEvent>(), e => Assert.Equal("InsufficientInstanceCapacity", e.AwsErrorCode));
            await target.TeardownAsync();
            await fixture.AssertNothingLeftAsync(target.SessionId);
        }
        finally
        {
            fixture.Emulator.ClearFaults();
        }
    }

    [Fact]
    public async Task Every_attempt_refused_lists_each_type_zone_and_code_and_leaves_nothing()
    {
        fixture.Emulator.InjectFault(new FaultRule { Action = "RunInstances", Code = "InsufficientInstanceCapacity", Rate = 1 });
        try
        {
            await using var target = new Ec2ComputeTargetFactory(fixture.Dependencies()).Create(fixture.Configuration() with { InstanceTypes = ["t3.small"] });

            var error = await Assert.ThrowsAsync<Ec2CapacityException>(() => target.PrepareAsync(new WorkspaceContext()));

            Assert.Equal(6, error.Failures.Count);
            Assert.Contains("on-demand t3.small in us-east-1c: InsufficientInstanceCapacity", error.Message, StringComparison.Ordinal);
            await target.TeardownAsync();
            await fixture.AssertNothingLeftAsync(target.SessionId);
        }
        finally
        {
            fixture.Emulator.ClearFaults();
        }
    }

    [Fact]
    public async Task A_configured_subnet_that_does_not_exist_stops_before_anything_is_created()
    {
        await using var target = new Ec2ComputeTargetFactory(fixture.Dependencies()).Create(fixture.Configuration() with { Subnets = ["subnet-0123456789abcdef0"] });
        fixture.Emulator.ClearActionLog();

        var error = await Assert.ThrowsAsync<Ec2ConfigurationException>(() => target.PrepareAsync(new WorkspaceContext()));

        Assert.Equal("ec2Target.subnets[0]: no such subnet in us-east-1, got \"subnet-0123456789abcdef0\"", Assert.Single(error.Errors));
        Assert.DoesNotContain(fixture.Emulator.ActionLog, e => e.Action is "RunInstances" or "CreateSecurityGroup" or "ImportKeyPair");
    }
}
