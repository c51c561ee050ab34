using System.Net;
using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;

namespace Acode.Ec2Emulator.Tests;

public sealed class InstanceTests
{
    [Fact]
    public async Task RunInstances_answers_pending_then_reaches_running_with_a_loopback_public_address()
    {
        await using var h = await EmulatorHarness.StartAsync(EmulatorHarness.Instant with { BootDelay = TimeSpan.FromMilliseconds(200) });
        var launched = await h.RunAsync(r =>
        {
            r.ClientToken = "token-1";
            r.TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("acode", "true")] }];
        });

        Assert.Equal(InstanceStateName.Pending, launched.State.Name);
        Assert.Equal(0, launched.State.Code);
        Assert.Null(launched.PublicIpAddress);
        Assert.Equal("token-1", launched.ClientToken);
        Assert.Matches("^i-[0-9a-f]{17}$", launched.InstanceId);
        Assert.StartsWith("172.31.", launched.PrivateIpAddress, StringComparison.Ordinal);

        var running = await h.WaitAsync(launched.InstanceId, i => i.State.Name == InstanceStateName.Running);
        Assert.Equal(16, running.State.Code);
        Assert.StartsWith("127.", running.PublicIpAddress, StringComparison.Ordinal);
        Assert.Equal(running.PublicIpAddress, running.NetworkInterfaces[0].Association.PublicIp);
        Assert.Equal("true", running.Tags.Single(t => t.Key == "acode").Value);
        Assert.Equal(launched.LaunchTime, running.LaunchTime);
        Assert.Equal("/dev/xvda", running.RootDeviceName);
        Assert.True(running.BlockDeviceMappings.Single().Ebs.DeleteOnTermination);
        Assert.Equal("us-east-1a", running.Placement.AvailabilityZone);
    }

    [Fact]
    public async Task Stop_start_and_terminate_follow_the_state_machine_with_aws_reasons()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = (await h.RunAsync()).InstanceId;
        var first = await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Running);

        var stop = await h.Ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] });
        Assert.Equal(InstanceStateName.Running, stop.StoppingInstances[0].PreviousState.Name);
        var stopped = await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Stopped);
        Assert.Equal("Client.UserInitiatedShutdown", stopped.StateReason.Code);
        Assert.Matches(@"^User initiated \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\)$", stopped.StateTransitionReason);
        Assert.Null(stopped.PublicIpAddress);

        await h.Ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [id] });
        var again = await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Running);
        Assert.NotNull(again.PublicIpAddress);
        Assert.NotEqual(first.PublicIpAddress, again.PublicIpAddress);

        var terminate = await h.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
        Assert.Equal(InstanceStateName.ShuttingDown, terminate.TerminatingInstances[0].CurrentState.Name);
        var terminated = await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Terminated);
        Assert.Equal(48, terminated.State.Code);
        Assert.Equal("Client.UserInitiatedShutdown: User initiated shutdown", terminated.StateReason.Message);
        var volumes = await h.Ec2.DescribeVolumesAsync(new DescribeVolumesRequest { Filters = [new Filter("attachment.instance-id", [id])] });
        Assert.Empty(volumes.Volumes ?? []);
    }

    [Fact]
    public async Task Invalid_transitions_are_refused_with_IncorrectInstanceState()
    {
        await using var h = await EmulatorHarness.StartAsync(EmulatorHarness.Instant with { BootDelay = TimeSpan.FromMinutes(5) });
        var id = (await h.RunAsync()).InstanceId;
        await AssertEc2.FailsAsync("IncorrectInstanceState", () => h.Ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] }));
    }

    [Fact]
    public async Task Terminated_instances_disappear_after_the_visibility_window()
    {
        // The emulator's own clock, so a loaded machine cannot let the window pass before the first look.
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var window = TimeSpan.FromMinutes(5);
        await using var h = await EmulatorHarness.StartAsync(EmulatorHarness.Instant with { TerminatedVisibility = window }, timeProvider: clock);
        var id = (await h.RunAsync()).InstanceId;
        await h.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
        await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Terminated);

        clock.Advance(window - TimeSpan.FromSeconds(1));
        Assert.Equal(InstanceStateName.Terminated, (await h.DescribeAsync(id)).State.Name);
        Assert.Single((await h.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await h.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations is null or { Count: 0 });
        await AssertEc2.FailsAsync("InvalidInstanceID.NotFound", () => h.DescribeAsync(id), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_get_aws_codes()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await AssertEc2.FailsAsync("InvalidInstanceID.Malformed", () => h.DescribeAsync("bogus"));
        var error = await AssertEc2.FailsAsync("InvalidInstanceID.NotFound", () => h.DescribeAsync("i-0123456789abcdef0"));
        Assert.Contains("i-0123456789abcdef0", error.Message, StringComparison.Ordinal);
        await AssertEc2.FailsAsync("InvalidAMIID.NotFound", () => h.RunAsync(r => r.ImageId = "ami-0123456789abcdef0"));
        await AssertEc2.FailsAsync("InvalidAMIID.Malformed", () => h.RunAsync(r => r.ImageId = "image"));
        await AssertEc2.FailsAsync("InvalidKeyPair.NotFound", () => h.RunAsync(r => r.KeyName = "nope"));
        await AssertEc2.FailsAsync("InvalidGroup.NotFound", () => h.RunAsync(r => r.SecurityGroupIds = ["sg-0123456789abcdef0"]));
        await AssertEc2.FailsAsync("InvalidSubnetID.NotFound", () => h.RunAsync(r => r.SubnetId = "subnet-0123456789abcdef0"));
        await AssertEc2.FailsAsync("InvalidUserData.Malformed", () => h.RunAsync(r => r.UserData = "not base64!"));
        await AssertEc2.FailsAsync("InvalidParameterValue", () => h.RunAsync(r => r.InstanceType = "t9.huge"));
        await AssertEc2.FailsAsync("InvalidParameterValue", () => h.RunAsync(r => (r.MinCount, r.MaxCount) = (3, 2)));
        await AssertEc2.FailsAsync("InvalidBlockDeviceMapping", () => h.RunAsync(r => r.BlockDeviceMappings =
            [new BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new EbsBlockDevice { VolumeSize = 2 } }]));
        await AssertEc2.FailsAsync("Unsupported", () => h.RunAsync(r => (r.InstanceType, r.Placement) = (InstanceType.G5Xlarge, new Placement { AvailabilityZone = "us-east-1c" })));
        await AssertEc2.FailsAsync("MissingParameter", () => h.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest()));
    }

    [Fact]
    public async Task ClientToken_makes_RunInstances_idempotent()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var first = await h.Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = EmulatorHarness.AmazonLinux2, MinCount = 2, MaxCount = 2, ClientToken = "same" });
        var second = await h.Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = EmulatorHarness.AmazonLinux2, MinCount = 2, MaxCount = 2, ClientToken = "same" });

        Assert.Equal(first.Reservation.ReservationId, second.Reservation.ReservationId);
        Assert.Equal(first.Reservation.Instances.Select(i => i.InstanceId), second.Reservation.Instances.Select(i => i.InstanceId));
        Assert.Equal([0, 1], first.Reservation.Instances.Select(i => i.AmiLaunchIndex ?? -1));
        var all = await h.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest());
        Assert.Equal(2, all.Reservations.Sum(r => r.Instances.Count));
        await AssertEc2.FailsAsync("IdempotentParameterMismatch", () => h.Ec2.RunInstancesAsync(
            new RunInstancesRequest { ImageId = EmulatorHarness.Ubuntu2204, MinCount = 2, MaxCount = 2, ClientToken = "same" }));
    }

    [Fact]
    public async Task Filters_select_by_tags_state_lifecycle_launch_time_and_wildcards()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var web = await h.RunAsync(r => r.TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("role", "web-1")] }]);
        var db = await h.RunAsync(r =>
        {
            r.TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("team", "data")] }];
            r.InstanceMarketOptions = new InstanceMarketOptionsRequest { MarketType = MarketType.Spot };
        });

        async Task<string[]> Ids(params Filter[] filters) =>
            [.. ((await h.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [.. filters] })).Reservations ?? [])
                .SelectMany(r => r.Instances).Select(i => i.InstanceId).Order()];

        Assert.Equal([web.InstanceId], await Ids(new Filter("tag:role", ["web-*"])));
        Assert.Equal([web.InstanceId], await Ids(new Filter("tag:role", ["web-?"])));
        Assert.Equal([db.InstanceId], await Ids(new Filter("tag-key", ["team"])));
        Assert.Equal([db.InstanceId], await Ids(new Filter("tag-value", ["data"])));
        Assert.Equal([db.InstanceId], await Ids(new Filter("instance-lifecycle", ["spot"])));
        Assert.Empty(await Ids(new Filter("tag:role", ["web-*"]), new Filter("tag-key", ["team"])));
        Assert.Equal(2, (await Ids(new Filter("instance-state-name", ["pending", "running"]))).Length);
        Assert.Equal(2, (await Ids(new Filter("launch-time", [web.LaunchTime!.Value.ToUniversalTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T*"]))).Length);
        Assert.Equal([web.InstanceId], await Ids(new Filter("instance-id", [web.InstanceId])));
        await AssertEc2.FailsAsync("InvalidParameterValue", () => Ids(new Filter("no-such-filter", ["x"])));
    }

    [Fact]
    public async Task DescribeInstanceAttribute_returns_user_data_and_shutdown_behaviour()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var userData = Convert.ToBase64String(Encoding.UTF8.GetBytes("#!/bin/sh\necho hi\n"));
        var id = (await h.RunAsync(r => (r.UserData, r.InstanceInitiatedShutdownBehavior) = (userData, ShutdownBehavior.Terminate))).InstanceId;

        var data = await h.Ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = id, Attribute = InstanceAttributeName.UserData });
        Assert.Equal(userData, data.InstanceAttribute.UserData);
        var behaviour = await h.Ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = id, Attribute = InstanceAttributeName.InstanceInitiatedShutdownBehavior });
        Assert.Equal("terminate", behaviour.InstanceAttribute.InstanceInitiatedShutdownBehavior);
    }

    [Fact]
    public async Task DescribeInstanceStatus_lists_running_instances_unless_all_are_asked_for()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = (await h.RunAsync()).InstanceId;
        await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Running);
        var status = await h.Ec2.DescribeInstanceStatusAsync(new DescribeInstanceStatusRequest { InstanceIds = [id] });
        Assert.Equal("ok", status.InstanceStatuses.Single().Status.Status.Value);

        await h.Ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] });
        await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Stopped);
        Assert.Empty((await h.Ec2.DescribeInstanceStatusAsync(new DescribeInstanceStatusRequest())).InstanceStatuses ?? []);
        var all = await h.Ec2.DescribeInstanceStatusAsync(new DescribeInstanceStatusRequest { IncludeAllInstances = true });
        Assert.Equal(InstanceStateName.Stopped, all.InstanceStatuses.Single().InstanceState.Name);
    }

    [Fact]
    public async Task Extra_volumes_without_DeleteOnTermination_survive_termination()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = (await h.RunAsync(r => r.BlockDeviceMappings =
        [
            new BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new EbsBlockDevice { VolumeSize = 20, VolumeType = VolumeType.Gp3, DeleteOnTermination = true } },
            new BlockDeviceMapping { DeviceName = "/dev/sdf", Ebs = new EbsBlockDevice { VolumeSize = 5 } },
        ])).InstanceId;
        var volumes = (await h.Ec2.DescribeVolumesAsync(new DescribeVolumesRequest())).Volumes;
        Assert.Equal(2, volumes.Count);
        Assert.Contains(volumes, v => v.Size == 20 && v.VolumeType == VolumeType.Gp3 && v.Attachments[0].DeleteOnTermination == true);

        await h.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
        await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Terminated);
        var left = (await h.Ec2.DescribeVolumesAsync(new DescribeVolumesRequest())).Volumes.Single();
        Assert.Equal(5, left.Size);
        Assert.Equal(VolumeState.Available, left.State);
    }
}
