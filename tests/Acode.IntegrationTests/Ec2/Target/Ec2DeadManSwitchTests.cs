using Acode.Application.Compute;
using Acode.Infrastructure.Compute.Ec2;
using Amazon.EC2.Model;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>The instance-side dead-man switch: alive while acode heartbeats, gone soon after the heartbeat stops.</summary>
public sealed class Ec2DeadManSwitchTests(Ec2EmulatorFixture fixture) : IClassFixture<Ec2EmulatorFixture>
{
    private static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task An_instance_whose_client_stopped_heartbeating_terminates_itself()
    {
        var target = new Ec2ComputeTargetFactory(fixture.Dependencies()).Create(fixture.Configuration() with { HeartbeatTimeout = HeartbeatTimeout });
        await target.PrepareAsync(new WorkspaceContext());
        var instanceId = target.Instance!.InstanceId;

        // Longer than the timeout: the heartbeat keeps it alive.
        await Task.Delay(HeartbeatTimeout * 1.5, TimeProvider.System);
        Assert.Equal("running", await StateAsync(instanceId));

        await target.StopHeartbeatAsync();
        var deadline = TimeProvider.System.GetTimestamp();
        string state;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
            state = await StateAsync(instanceId);
        }
        while (state == "running" && TimeProvider.System.GetElapsedTime(deadline) < TimeSpan.FromSeconds(20));

        Assert.Contains(state, new[] { "shutting-down", "terminated" });
        await target.TeardownAsync();
        await fixture.AssertNothingLeftAsync(target.SessionId);
    }

    private async Task<string> StateAsync(string instanceId)
    {
        var response = await fixture.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] });
        return response.Reservations[0].Instances[0].State.Name.Value;
    }
}
