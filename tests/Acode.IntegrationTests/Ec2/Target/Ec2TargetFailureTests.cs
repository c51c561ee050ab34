using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Domain.Compute;
using Acode.Domain.Compute.Ec2.Events;
using Acode.Ec2Emulator;
using Acode.Ec2Emulator.Control;
using Acode.Infrastructure.Compute.Ec2;
using Amazon.EC2.Model;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>
/// A failure injected at each step ends with nothing of the session left: no live instance, no temporary security
/// group, no key pair; or, when the endpoint is gone, with an error naming what may remain.
/// </summary>
public sealed class Ec2TargetFailureTests(Ec2EmulatorFixture fixture) : IClassFixture<Ec2EmulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        fixture.Emulator.ClearFaults();
        fixture.Emulator.Settings = Ec2EmulatorFixture.FastSettings;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Capacity_error_at_launch_removes_the_security_group_and_key_pair()
    {
        fixture.Emulator.InjectFault(new FaultRule { Action = "RunInstances", Code = FaultCodes.InsufficientInstanceCapacity, Count = 100 });
        await using var target = Create(fixture.Configuration());

        var error = await Assert.ThrowsAsync<Ec2CapacityException>(() => target.PrepareAsync(new WorkspaceContext()));

        Assert.Equal("InsufficientInstanceCapacity", error.AwsErrorCode);
        Assert.Equal(ComputeTargetState.Failed, target.State);
        await fixture.AssertNothingLeftAsync(target.SessionId);
    }

    [Fact]
    public async Task Spot_capacity_error_falls_back_to_on_demand()
    {
        // One subnet, so the spot fleet has one pool; its refusal (in the fleet's reply) leads to on-demand RunInstances.
        var subnet = (await fixture.Ec2.DescribeSubnetsAsync(new Amazon.EC2.Model.DescribeSubnetsRequest())).Subnets[0].SubnetId;
        fixture.Emulator.InjectFault(new FaultRule { Action = "CreateFleet", Code = FaultCodes.InsufficientInstanceCapacity, Count = 1 });
        await using var target = Create(fixture.Configuration() with { SpotEnabled = true, SpotFallbackToOnDemand = true, SubnetId = subnet });

        await target.PrepareAsync(new WorkspaceContext());

        Assert.False(target.Instance!.IsSpotInstance);
        await target.TeardownAsync();
        await fixture.AssertNothingLeftAsync(target.SessionId);
    }

    [Fact]
    public async Task Ssh_never_ready_times_out_and_terminates()
    {
        fixture.Emulator.Settings = Ec2EmulatorFixture.FastSettings with { SshDelay = TimeSpan.FromMinutes(10) };
        await using var target = Create(fixture.Configuration() with { SshReadyTimeout = TimeSpan.FromSeconds(1) });

        var error = await Assert.ThrowsAsync<SshReadyTimeoutException>(() => target.PrepareAsync(new WorkspaceContext()));

        Assert.True(error.Attempts >= 2, $"attempts: {error.Attempts}");
        await fixture.AssertNothingLeftAsync(target.SessionId);
    }

    [Fact]
    public async Task Instance_terminated_underneath_while_pending_fails_fast_and_cleans_up()
    {
        fixture.Emulator.Settings = Ec2EmulatorFixture.FastSettings with { BootDelay = TimeSpan.FromSeconds(2) };
        var events = new InMemoryEventPublisher();
        using var subscription = events.Subscribe<Ec2InstanceLaunchingEvent>(async (launched, ct) =>
            await fixture.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [launched.InstanceId] }, ct));
        await using var target = Create(fixture.Configuration(), events);

        var error = await Assert.ThrowsAsync<Ec2InstanceLostException>(() => target.PrepareAsync(new WorkspaceContext()));

        Assert.Equal(target.Instance!.InstanceId, error.InstanceId);
        await fixture.AssertNothingLeftAsync(target.SessionId);
    }

    [Fact]
    public async Task Instance_terminated_underneath_after_ready_still_tears_down_cleanly()
    {
        await using var target = Create(fixture.Configuration());
        await target.PrepareAsync(new WorkspaceContext());
        await fixture.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [target.Instance!.InstanceId] });

        await target.TeardownAsync();

        Assert.Equal(ComputeTargetState.Terminated, target.State);
        await fixture.AssertNothingLeftAsync(target.SessionId);
    }

    [Fact]
    public async Task Throttling_on_every_action_still_leaves_nothing_behind()
    {
        fixture.Emulator.InjectFault(new FaultRule { Code = FaultCodes.RequestLimitExceeded, Rate = 0.3 });
        var target = Create(fixture.Configuration());
        try
        {
            await target.PrepareAsync(new WorkspaceContext());
            Assert.True(target.IsReady);
        }
        catch (Ec2ApiException ex)
        {
            // A setup call may exhaust the SDK's retries; the cleanup below must still be complete.
            Assert.Equal("RequestLimitExceeded", ex.AwsErrorCode);
        }

        await target.TeardownAsync();
        fixture.Emulator.ClearFaults();
        await fixture.AssertNothingLeftAsync(target.SessionId);
    }

    [Fact]
    public async Task Host_key_mismatch_after_restart_aborts_and_terminates()
    {
        var target = Create(fixture.Configuration() with { DeadManSwitch = false });
        await target.PrepareAsync(new WorkspaceContext());
        await target.StopAsync();
        ReplaceHostKeys(target.Instance!.InstanceId);

        var error = await Assert.ThrowsAsync<Ec2HostKeyMismatchException>(() => target.StartAsync());

        Assert.Equal(target.Instance.InstanceId, error.InstanceId);
        Assert.NotEqual(error.ExpectedFingerprint, error.ActualFingerprint);
        await fixture.AssertNothingLeftAsync(target.SessionId);
        await target.DisposeAsync();
    }

    [Fact]
    public async Task Endpoint_gone_during_teardown_names_what_may_remain()
    {
        var emulator = await Ec2Emulator.Ec2Emulator.StartAsync(new EmulatorOptions { Settings = Ec2EmulatorFixture.FastSettings });
        var target = Create(fixture.Configuration() with { EndpointUrl = emulator.ServiceUrl });
        try
        {
            await target.PrepareAsync(new WorkspaceContext());
        }
        finally
        {
            await emulator.DisposeAsync();
        }

        var error = await Assert.ThrowsAsync<Ec2CleanupIncompleteException>(() => target.TeardownAsync());

        Assert.Contains(error.RemainingResources, r => r.Contains("instances of session " + target.SessionId, StringComparison.Ordinal));
        Assert.Contains(error.RemainingResources, r => r.StartsWith("key pair acode-" + target.SessionId, StringComparison.Ordinal));
        Assert.Contains(error.RemainingResources, r => r.StartsWith("security group", StringComparison.Ordinal));
        Assert.Contains("acode=true", error.Message, StringComparison.Ordinal);
    }

    private Ec2ComputeTarget Create(Ec2Configuration configuration, InMemoryEventPublisher? events = null) =>
        new Ec2ComputeTargetFactory(fixture.Dependencies(events)).Create(configuration);

    // Stands for "another machine answers at this address": the stopped instance's disk gets different host keys,
    // which its sshd serves when it starts again.
    private void ReplaceHostKeys(string instanceId)
    {
        var etcSsh = Path.Combine(fixture.MachineRoot, instanceId, "etc", "ssh");
        foreach (var key in Directory.GetFiles(etcSsh, "ssh_host_*_key"))
        {
            File.Delete(key);
            File.Delete(key + ".pub");
            var type = Path.GetFileName(key).Split('_')[2];
            using var keygen = System.Diagnostics.Process.Start("ssh-keygen", ["-q", "-t", type, "-N", "", "-f", key])!;
            keygen.WaitForExit();
            Assert.Equal(0, keygen.ExitCode);
        }
    }
}
