using Acode.Infrastructure.Compute.Ec2.Orphans;

namespace Acode.IntegrationTests.Ec2.Orphans;

/// <summary>IT-004 with a real machine behind the instance: cleanup really stops what was running.</summary>
[Collection(AwsEnvironmentCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class Ec2OrphanMachineTests
{
    [Fact]
    public async Task An_orphan_backed_by_a_machine_is_terminated_and_its_sshd_stops()
    {
        await using var scenario = await OrphanScenario.StartAsync(machines: true);
        var id = (await scenario.LaunchAsync(1, OrphanScenario.AcodeTags("m"), TimeSpan.FromHours(3)))[0];
        var machine = scenario.Emulator.FindMachine(id)!;
        await WaitUntilAsync(() => machine.IsBooted);
        using var detector = scenario.Detector();

        var result = await detector.CleanupAsync(new Ec2CleanupRequest { Yes = true });
        await scenario.WaitForStateAsync(id, "terminated");

        Assert.Equal([id], result.Ids(Ec2CleanupAction.Terminated));
        Assert.False(machine.IsBooted);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(start) > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("The machine did not boot.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }
    }
}
