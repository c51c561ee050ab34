using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Domain.Compute;
using Acode.Domain.Compute.Ec2;
using Acode.Domain.Compute.Ec2.Events;
using Acode.Infrastructure.Compute.Ec2;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>Stop and Start, console-output host keys, and the provisioner's own contract, against the emulator.</summary>
public sealed class Ec2TargetOptionsTests(Ec2EmulatorFixture fixture) : IClassFixture<Ec2EmulatorFixture>
{
    [Fact]
    public async Task Stop_preserves_the_instance_and_start_reconnects_with_the_same_workspace()
    {
        var events = new InMemoryEventPublisher();
        await using var target = new Ec2ComputeTargetFactory(fixture.Dependencies(events)).Create(fixture.Configuration());
        await target.PrepareAsync(new WorkspaceContext());
        await target.ExecuteAsync("echo kept > note.txt");

        await target.StopAsync();
        Assert.True(target.IsStopped);
        Assert.False(target.IsReady);
        await Assert.ThrowsAsync<TargetNotReadyException>(() => target.ExecuteAsync("true"));

        await target.StartAsync();
        var result = await target.ExecuteAsync("cat note.txt");

        Assert.Equal("kept\n", result.Stdout);
        Assert.Contains(events.PublishedOf<Ec2InstanceStateChangedEvent>(), change => change.CurrentState == Ec2InstanceState.Stopped);
        await target.TeardownAsync();
        await fixture.AssertNothingLeftAsync(target.SessionId);
    }

    [Fact]
    public async Task Console_output_fingerprints_verify_the_host_key()
    {
        await using var target = new Ec2ComputeTargetFactory(fixture.Dependencies()).Create(fixture.Configuration() with { HostKeyVerification = Ec2HostKeyVerification.ConsoleOutput });

        await target.PrepareAsync(new WorkspaceContext());

        Assert.StartsWith("SHA256:", target.HostKeyFingerprint);
        Assert.Contains(fixture.Emulator.ActionLog, entry => entry.Action == "GetConsoleOutput");
        Assert.Equal(0, (await target.ExecuteAsync("true")).ExitCode);
    }

    [Fact]
    public async Task Unverified_host_keys_only_when_configured()
    {
        await using var target = new Ec2ComputeTargetFactory(fixture.Dependencies()).Create(fixture.Configuration() with { HostKeyVerification = Ec2HostKeyVerification.Off });

        await target.PrepareAsync(new WorkspaceContext());

        Assert.Null(target.HostKeyFingerprint);
        Assert.Equal(ComputeTargetState.Ready, target.State);
    }
}
