using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Domain.Compute;
using Acode.Infrastructure.Compute.Ec2;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>Cancelling PrepareAsync at any moment still tears down, on its own bounded token (NFR-004).</summary>
public sealed class Ec2TargetCancellationTests(Ec2EmulatorFixture fixture) : IClassFixture<Ec2EmulatorFixture>
{
    private const int Runs = 50;
    private const int Parallel = 5;

    [Fact]
    public async Task Cancellation_at_50_seeded_random_moments_leaves_nothing_running()
    {
        fixture.Emulator.Settings = Ec2EmulatorFixture.FastSettings with { BootDelay = TimeSpan.FromMilliseconds(100), SshDelay = TimeSpan.FromMilliseconds(100) };
        // The moments span twice one uncancelled prepare on this machine now, so a loaded machine still hits every phase.
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal("ready", await RunOnceAsync(Timeout.InfiniteTimeSpan));
        var span = Math.Max(900, (int)(started.ElapsedMilliseconds * 2));
        var random = new Random(20261125);
        var delays = Enumerable.Range(0, Runs).Select(_ => TimeSpan.FromMilliseconds(random.Next(0, span))).ToArray();
        var outcomes = new List<string>();
        foreach (var batch in delays.Chunk(Parallel))
        {
            outcomes.AddRange(await Task.WhenAll(batch.Select(RunOnceAsync)));
        }

        // Every moment must have been hit somewhere: before launch, during the waits, and after ready.
        Assert.Contains("cancelled", outcomes);
        Assert.Contains("ready", outcomes);
    }

    private async Task<string> RunOnceAsync(TimeSpan cancelAfter)
    {
        var target = new Ec2ComputeTargetFactory(fixture.Dependencies()).Create(fixture.Configuration());
        using var cancel = new CancellationTokenSource(cancelAfter);
        string outcome;
        try
        {
            await target.PrepareAsync(new WorkspaceContext(), cancel.Token);
            outcome = "ready";
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
        }

        if (outcome == "cancelled")
        {
            Assert.NotEqual(ComputeTargetState.Ready, target.State);
        }

        await target.DisposeAsync();
        Assert.Equal(ComputeTargetState.Terminated, target.State);
        await fixture.AssertNothingLeftAsync(target.SessionId);
        return outcome;
    }
}
