using Acode.Application.Compute.Ec2.Cost;
using Acode.Domain.Compute.Ec2;
using Acode.Domain.Compute.Ec2.Cost;
using Microsoft.Extensions.Time.Testing;

namespace Acode.UnitTests.Compute.Ec2;

/// <summary>FR-059: the tracker hands each instance's accrued cost to the ledger when tracked, on its timer and at termination.</summary>
public sealed class Ec2CostTrackerLedgerTests
{
    private static readonly DateTimeOffset Launch = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Accrued_cost_is_recorded_when_tracked_on_each_check_and_at_termination()
    {
        var time = new FakeTimeProvider(Launch);
        var ledger = new MemoryLedger();
        await using var tracker = new Ec2CostTracker(time, checkInterval: TimeSpan.FromMinutes(1), ledger: ledger);
        await tracker.TrackAsync(Instance("i-1", Ec2InstanceLifecycle.OnDemand));
        await tracker.FlushAsync();
        var first = ledger.Last("i-1");
        Assert.Equal((Launch, Launch), (first.LaunchTime, first.LastSeen));
        Assert.Equal(first.HourlyRate / 60m, first.AccruedCost); // the 60-second minimum

        time.Advance(TimeSpan.FromHours(1));
        await tracker.FlushAsync();
        var hour = ledger.Last("i-1");
        // c5.large 0.085 + 20 GiB gp3 at 0.08/GB-month over 730 h + public IPv4 0.005, one hour.
        Assert.Equal(0.085m + (20m * 0.08m / 730m) + 0.005m, hour.AccruedCost);
        Assert.Equal((Launch.AddHours(1), (DateTimeOffset?)null, Ec2DiscountKind.None), (hour.LastSeen, hour.TerminatedAt, hour.Discount));
        Assert.Equal(hour.AccruedCost, hour.HourlyRate);

        tracker.MarkTerminated("i-1", Launch.AddMinutes(90));
        await tracker.FlushAsync();
        var final = ledger.Last("i-1");
        Assert.Equal((Launch.AddMinutes(90), (DateTimeOffset?)Launch.AddMinutes(90)), (final.LastSeen, final.TerminatedAt));
        Assert.Equal(hour.HourlyRate * 1.5m, final.AccruedCost);

        var writes = ledger.Writes;
        time.Advance(TimeSpan.FromHours(1));
        await tracker.FlushAsync();
        Assert.Equal(writes, ledger.Writes);
    }

    [Fact]
    public async Task A_spot_instance_is_recorded_as_spot_at_its_rate()
    {
        var time = new FakeTimeProvider(Launch);
        var ledger = new MemoryLedger();
        await using var tracker = new Ec2CostTracker(time, ledger: ledger);
        await tracker.TrackAsync(Instance("i-2", Ec2InstanceLifecycle.Spot));
        await tracker.FlushAsync();

        var record = ledger.Last("i-2");
        Assert.Equal((Ec2InstanceLifecycle.Spot, Ec2DiscountKind.Spot, 0.085m * 0.45m), (record.Lifecycle, record.Discount, record.InstanceHourlyRate));
    }

    [Fact]
    public async Task A_failing_ledger_does_not_break_tracking_or_later_writes()
    {
        var time = new FakeTimeProvider(Launch);
        var ledger = new MemoryLedger { FailNext = true };
        await using var tracker = new Ec2CostTracker(time, checkInterval: TimeSpan.FromMinutes(1), ledger: ledger);
        await tracker.TrackAsync(Instance("i-3", Ec2InstanceLifecycle.OnDemand));
        time.Advance(TimeSpan.FromMinutes(1));
        await tracker.FlushAsync();

        Assert.Equal(Launch.AddMinutes(1), ledger.Last("i-3").LastSeen);
        Assert.NotNull(tracker.CalculateRunningCost("i-3"));
    }

    [Fact]
    public void A_listing_extends_a_running_record_at_its_hourly_rate_and_keeps_a_terminated_one()
    {
        var record = new Ec2CostRecord
        {
            InstanceId = "i-4", InstanceType = "c5.large", Region = "us-east-1", Lifecycle = Ec2InstanceLifecycle.OnDemand, Discount = Ec2DiscountKind.None,
            InstanceHourlyRate = 0.085m, HourlyRate = 0.1m, LaunchTime = Launch, LastSeen = Launch.AddHours(1), AccruedCost = 0.1m,
        };

        Assert.Equal(0.25m, record.CostAt(Launch.AddHours(2.5)));
        Assert.Equal(0.15m, record.CostAt(Launch.AddHours(2.5), endedAt: Launch.AddHours(1.5)));
        Assert.Equal(0.1m, record.CostAt(Launch.AddMinutes(30)));
        Assert.Equal(0.1m, (record with { TerminatedAt = Launch.AddHours(1) }).CostAt(Launch.AddHours(9)));
    }

    private static Ec2InstanceInfo Instance(string id, Ec2InstanceLifecycle lifecycle) => new()
    {
        InstanceId = id,
        InstanceType = "c5.large",
        Region = "us-east-1",
        AvailabilityZone = "us-east-1a",
        State = Ec2InstanceState.Running,
        LaunchTime = Launch,
        PublicIp = "203.0.113.7",
        Lifecycle = lifecycle,
        RootVolumeSizeGb = 20,
        RootVolumeType = "gp3",
    };

    private sealed class MemoryLedger : IEc2CostLedger
    {
        private readonly List<Ec2CostRecord> _records = [];

        public bool FailNext { get; set; }

        public int Writes { get; private set; }

        public Ec2CostRecord Last(string id)
        {
            lock (_records)
            {
                return _records.Last(r => r.InstanceId == id);
            }
        }

        public Task RecordAsync(IReadOnlyList<Ec2CostRecord> records, CancellationToken cancellationToken = default)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new IOException("disk full");
            }

            lock (_records)
            {
                Writes++;
                _records.AddRange(records);
            }

            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<Ec2CostRecord>> ReadAllAsync(CancellationToken cancellationToken = default)
        {
            lock (_records)
            {
                return Task.FromResult<IReadOnlyList<Ec2CostRecord>>([.. _records]);
            }
        }
    }
}
