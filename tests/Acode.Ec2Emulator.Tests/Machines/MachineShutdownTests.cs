using Acode.Ec2Emulator.Machines;
using Microsoft.Extensions.Time.Testing;

namespace Acode.Ec2EmulatorTests.Machines;

public sealed class MachineShutdownTests
{
    [Theory]
    [InlineData("sudo shutdown -h now")]
    [InlineData("poweroff")]
    [InlineData("halt")]
    public async Task Power_off_inside_raises_ShutdownRequested(string command)
    {
        await using var fixture = new MachineFixture();
        var machine = await fixture.BootAsync();
        var requested = new TaskCompletionSource<MachineShutdownEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        machine.ShutdownRequested += (_, e) => requested.TrySetResult(e);

        await MachineFixture.RunAsync(machine, fixture.Key, command);

        var args = await requested.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(machine.Spec.InstanceId, args.InstanceId);
    }

    [Fact]
    public async Task Scheduled_shutdown_fires_on_time_and_a_cancelled_one_does_not()
    {
        var clock = new FakeTimeProvider();
        await using var fixture = new MachineFixture(clock);
        var machine = await fixture.BootAsync();
        var raised = 0;
        machine.ShutdownRequested += (_, _) => Interlocked.Increment(ref raised);

        await MachineFixture.RunAsync(machine, fixture.Key, "shutdown -h +1");
        Assert.True(await Eventually.TrueAsync(() => machine.IsShutdownScheduled));
        await MachineFixture.RunAsync(machine, fixture.Key, "shutdown -c");
        Assert.True(await Eventually.TrueAsync(() => !machine.IsShutdownScheduled));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, Volatile.Read(ref raised));

        await MachineFixture.RunAsync(machine, fixture.Key, "shutdown -h +2; shutdown -h +1");
        var requests = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(machine.HomePath))!, ".power");
        Assert.True(await Eventually.TrueAsync(() => !Directory.EnumerateFiles(requests, "*.req").Any() && machine.IsShutdownScheduled));
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, Volatile.Read(ref raised));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Volatile.Read(ref raised));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, Volatile.Read(ref raised));
    }
}
