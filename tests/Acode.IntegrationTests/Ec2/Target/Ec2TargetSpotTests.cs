using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Spot;
using Acode.Domain.Compute;
using Acode.Domain.Compute.Ec2;
using Acode.Domain.Compute.Ec2.Events;
using Acode.Infrastructure.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Pricing;
using Acode.Infrastructure.Compute.Ec2.Spot;
using Amazon.EC2;
using Amazon.EC2.Model;
using Xunit.Abstractions;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>
/// IT-003 end to end through <see cref="Ec2ComputeTarget"/>: a spot launch, the emulator's interruption, the running
/// command failing with <see cref="SpotInterruptedException"/>, an on-demand replacement that runs the retry, and
/// nothing of either instance left at teardown; cost from the live spot price, kept in a ledger file of the test's own.
/// </summary>
public sealed class Ec2TargetSpotTests(Ec2EmulatorFixture fixture, ITestOutputHelper output) : IClassFixture<Ec2EmulatorFixture>
{
    private const decimal SpotPrice = 0.0040m;
    private const decimal OnDemandPrice = 0.0104m;

    [Fact]
    public async Task An_interrupted_spot_target_fails_the_command_and_the_retry_runs_on_an_on_demand_replacement()
    {
        fixture.Emulator.SetSpotPrice("t3.micro", null, SpotPrice);
        var events = new InMemoryEventPublisher();
        var local = Directory.CreateTempSubdirectory("acode-ec2-spot-");
        var ledger = new Ec2CostLedgerFile(Path.Combine(local.FullName, "state", Ec2CostLedgerFile.FileName));
        File.WriteAllText(Path.Combine(local.FullName, "input.txt"), "workspace file\n");
        var dependencies = fixture.Dependencies(events);
        var target = new Ec2ComputeTargetFactory(new Ec2TargetDependencies
        {
            ModeValidator = dependencies.ModeValidator,
            Events = events,
            ExplicitCredentials = dependencies.ExplicitCredentials,
            CostLedger = ledger,
            SpotWatch = new SpotInterruptionWatcherOptions { PollInterval = TimeSpan.FromMilliseconds(200), ProbeTimeout = TimeSpan.FromSeconds(10) },
        }).Create(fixture.Configuration() with { SpotEnabled = true, CostAlertThreshold = 0.0000001m });
        try
        {
            string spotId;
            await using (target)
            {
                var clock = TimeProvider.System.GetTimestamp();
                await target.PrepareAsync(new WorkspaceContext { LocalRoot = local.FullName, SyncPaths = ["input.txt"] });
                output.WriteLine($"spot target ready: {TimeProvider.System.GetElapsedTime(clock).TotalMilliseconds:0} ms");
                spotId = target.Instance!.InstanceId;
                Assert.True(target.Instance.IsSpotInstance);

                var running = target.ExecuteAsync("sleep 60");
                clock = TimeProvider.System.GetTimestamp();
                fixture.Emulator.InterruptSpotInstance(spotId, TimeSpan.FromSeconds(3));
                var error = await Assert.ThrowsAsync<SpotInterruptedException>(() => running.WaitAsync(TimeSpan.FromSeconds(30)));
                var failedAfter = TimeProvider.System.GetElapsedTime(clock);
                output.WriteLine($"notice to failed command: {failedAfter.TotalMilliseconds:0} ms");

                // Well under the SSH executor's 15 s stop grace: the replacement must not close the connection the
                // cancelled command is still stopping its remote process over (it did once, stalling the failure 15 s).
                Assert.True(failedAfter < TimeSpan.FromSeconds(10), $"the command failed {failedAfter} after the notice");
                Assert.Equal((spotId, true), (error.InstanceId, error.ReplacementAvailable));

                var retry = await target.ExecuteAsync("cat input.txt").WaitAsync(TimeSpan.FromSeconds(60));
                output.WriteLine($"notice to the retry's result on the replacement: {TimeProvider.System.GetElapsedTime(clock).TotalMilliseconds:0} ms");
                Assert.Equal((0, "workspace file\n"), (retry.ExitCode, retry.Stdout));
                Assert.True(target.IsReady);
                var replacement = target.Instance!;
                Assert.NotEqual(spotId, replacement.InstanceId);
                Assert.False(replacement.IsSpotInstance);

                clock = TimeProvider.System.GetTimestamp();
                await target.TeardownAsync();
                output.WriteLine($"teardown of both: {TimeProvider.System.GetElapsedTime(clock).TotalMilliseconds:0} ms");
                Assert.Equal(ComputeTargetState.Terminated, target.State);
            }

            await fixture.AssertNothingLeftAsync(target.SessionId);
            var interrupted = (await fixture.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [spotId] })).Reservations.Single().Instances.Single();
            Assert.Equal(InstanceStateName.Terminated, interrupted.State.Name);

            var interruption = Assert.Single(events.PublishedOf<Ec2SpotInterruptionEvent>());
            Assert.Equal((spotId, true), (interruption.InstanceId, interruption.WillFallbackToOnDemand));
            Assert.Equal(2, events.PublishedOf<Ec2InstanceLaunchingEvent>().Count);
            Assert.Equal(2, events.PublishedOf<Ec2InstanceRunningEvent>().Count);

            // The cost of each instance comes from the tracker, at its own rate, and is what the ledger file keeps.
            var records = (await ledger.ReadAllAsync()).ToDictionary(r => r.InstanceId);
            var terminating = events.PublishedOf<Ec2InstanceTerminatingEvent>().ToDictionary(e => e.InstanceId);
            Assert.Equal(2, terminating.Count);
            var spot = records[spotId];
            Assert.Equal((Ec2InstanceLifecycle.Spot, SpotPrice), (spot.Lifecycle, spot.InstanceHourlyRate));
            var onDemand = records.Values.Single(r => r.InstanceId != spotId);
            Assert.Equal((Ec2InstanceLifecycle.OnDemand, OnDemandPrice), (onDemand.Lifecycle, onDemand.InstanceHourlyRate));
            Assert.All(records.Values, r => Assert.NotNull(r.TerminatedAt));
            Assert.Equal(spot.AccruedCost, terminating[spotId].EstimatedCost);
            Assert.Equal(onDemand.AccruedCost, terminating[onDemand.InstanceId].EstimatedCost);
            Assert.True(terminating[spotId].EstimatedCost > 0m);

            // One alert per instance: the threshold is crossed once by each, and a replacement does not double them.
            var alerts = events.PublishedOf<Ec2CostAlertEvent>().GroupBy(a => a.InstanceId).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(1, alerts[spotId]);
            Assert.All(alerts.Values, count => Assert.Equal(1, count));
        }
        finally
        {
            local.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Without_fallback_the_interruption_fails_every_later_call_and_teardown_leaves_nothing()
    {
        var events = new InMemoryEventPublisher();
        var dependencies = fixture.Dependencies(events);
        var target = new Ec2ComputeTargetFactory(new Ec2TargetDependencies
        {
            ModeValidator = dependencies.ModeValidator,
            Events = events,
            ExplicitCredentials = dependencies.ExplicitCredentials,
            SpotWatch = new SpotInterruptionWatcherOptions { PollInterval = TimeSpan.FromMilliseconds(200), ProbeTimeout = TimeSpan.FromSeconds(10) },
        }).Create(fixture.Configuration() with { SpotEnabled = true, SpotFallbackToOnDemand = false });
        await using (target)
        {
            await target.PrepareAsync(new WorkspaceContext());
            var spotId = target.Instance!.InstanceId;
            var running = target.ExecuteAsync("sleep 60");
            fixture.Emulator.InterruptSpotInstance(spotId, TimeSpan.FromSeconds(2));

            var error = await Assert.ThrowsAsync<SpotInterruptedException>(() => running.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.False(error.ReplacementAvailable);
            await Assert.ThrowsAsync<SpotInterruptedException>(() => target.ExecuteAsync("true"));
            Assert.Null(target.Replacement);
            Assert.Equal(spotId, target.Instance!.InstanceId);
            await target.TeardownAsync();
        }

        await fixture.AssertNothingLeftAsync(target.SessionId);
        Assert.Single(events.PublishedOf<Ec2InstanceLaunchingEvent>());
        Assert.Single(events.PublishedOf<Ec2InstanceTerminatingEvent>());
    }
}
