using Acode.Application.Compute.Ec2.Cost;
using Acode.Domain.Compute.Ec2;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Acode.UnitTests.Compute.Ec2;

/// <summary>
/// The cost tracker's timer never lets an exception out (one escaping a timer callback ends the process): an alert
/// subscriber that throws and a figure that cannot be computed are each logged, and the checks go on.
/// </summary>
public sealed class Ec2CostTrackerTimerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_throwing_alert_subscriber_is_logged_and_the_next_checks_still_run()
    {
        var time = new FakeTimeProvider(Start);
        var logger = new FakeLogger();
        var ledger = new CountingLedger();
        using var tracker = new Ec2CostTracker(time, defaultAlertThreshold: 0.0001m, checkInterval: TimeSpan.FromMinutes(1), ledger: ledger, logger: logger);
        var alerts = 0;
        tracker.CostAlert += (_, _) =>
        {
            alerts++;
            throw new InvalidOperationException("subscriber broke");
        };
        await tracker.TrackAsync(Instance("us-east-1"));
        await tracker.FlushAsync();
        var recordsBefore = ledger.Writes;

        time.Advance(TimeSpan.FromMinutes(1));
        time.Advance(TimeSpan.FromMinutes(1));
        time.Advance(TimeSpan.FromMinutes(1));
        await tracker.FlushAsync();

        Assert.Equal(1, alerts);
        var failure = Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Name == "Ec2CostCheckFailed");
        Assert.Equal("subscriber broke", failure.Exception?.Message);
        Assert.True(ledger.Writes >= recordsBefore + 2, $"ledger writes after the failing alert: {ledger.Writes - recordsBefore}");
    }

    [Fact]
    public async Task A_cost_that_cannot_be_computed_is_logged_at_every_tick_and_never_escapes_the_timer()
    {
        var time = new FakeTimeProvider(Start);
        var logger = new FakeLogger();

        // An absurd live EBS rate makes the arithmetic overflow wherever the figure is computed.
        using var tracker = new Ec2CostTracker(time, checkInterval: TimeSpan.FromMinutes(1), ledger: new CountingLedger(), listPrices: new AbsurdListPrices(), logger: logger);
        await Assert.ThrowsAsync<OverflowException>(() => tracker.TrackAsync(Instance("eu-central-1")));

        time.Advance(TimeSpan.FromMinutes(1));
        time.Advance(TimeSpan.FromMinutes(1));

        var failures = logger.Collector.GetSnapshot().Where(r => r.Id.Name == "Ec2CostCheckFailed").ToList();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.IsType<OverflowException>(f.Exception));
    }

    private static Ec2InstanceInfo Instance(string region) => new()
    {
        InstanceId = "i-0123456789abcdef0",
        InstanceType = "t3.medium",
        Region = region,
        State = Ec2InstanceState.Running,
        LaunchTime = Start,
        RootVolumeSizeGb = 20,
        RootVolumeType = "gp3",
    };

    private sealed class CountingLedger : IEc2CostLedger
    {
        private int _writes;

        public int Writes => Volatile.Read(ref _writes);

        public Task RecordAsync(IReadOnlyList<Ec2CostRecord> records, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _writes);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<Ec2CostRecord>> ReadAllAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Ec2CostRecord>>([]);
    }

    private sealed class AbsurdListPrices : IEc2ListPriceSource
    {
        public Task<decimal?> GetOnDemandHourlyAsync(string instanceType, string region, CancellationToken cancellationToken = default) =>
            Task.FromResult<decimal?>(0.05m);

        public Task<decimal?> GetEbsGbMonthAsync(string volumeType, string region, CancellationToken cancellationToken = default) =>
            Task.FromResult<decimal?>(decimal.MaxValue);
    }
}
