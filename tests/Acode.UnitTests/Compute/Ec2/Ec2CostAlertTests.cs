using Acode.Application.Compute.Ec2.Cost;
using Acode.Domain.Compute.Ec2;
using Acode.Domain.Compute.Ec2.Events;
using Microsoft.Extensions.Time.Testing;

namespace Acode.UnitTests.Compute.Ec2;

/// <summary>FR-059/060: accrued cost follows the clock; an alert fires exactly once per crossing.</summary>
public sealed class Ec2CostAlertTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_monitor_fires_once_per_crossing_and_rearms_below_the_threshold()
    {
        var monitor = new Ec2CostAlertMonitor();
        monitor.SetThreshold("i-1", 1m);

        Assert.Null(monitor.Observe("i-1", 0.99m, TimeSpan.Zero, Start));
        Assert.NotNull(monitor.Observe("i-1", 1m, TimeSpan.Zero, Start));
        Assert.Null(monitor.Observe("i-1", 1.5m, TimeSpan.Zero, Start));
        monitor.SetThreshold("i-1", 2m);
        Assert.Null(monitor.Observe("i-1", 1.9m, TimeSpan.Zero, Start));
        Assert.Equal(2m, monitor.Observe("i-1", 2.1m, TimeSpan.Zero, Start)!.Threshold);
        Assert.Null(monitor.Observe("i-2", 100m, TimeSpan.Zero, Start));
    }

    [Fact]
    public async Task The_tracker_raises_one_alert_when_the_running_cost_crosses_the_threshold()
    {
        var time = new FakeTimeProvider(Start);
        using var tracker = new Ec2CostTracker(time, defaultAlertThreshold: 0.05m, checkInterval: TimeSpan.FromMinutes(1));
        var alerts = new List<Ec2CostAlertEvent>();
        tracker.CostAlert += (_, e) => alerts.Add(e);
        await tracker.TrackAsync(Instance());

        // t3.medium + 20 GB gp3 + public IPv4 = 0.04879178 $/h: 0.05 is crossed after 61.49 minutes.
        time.Advance(TimeSpan.FromMinutes(61));
        Assert.Empty(alerts);
        time.Advance(TimeSpan.FromMinutes(1));
        var alert = Assert.Single(alerts);
        time.Advance(TimeSpan.FromHours(3));

        Assert.Single(alerts);
        Assert.Equal(("i-0123456789abcdef0", 0.05m, TimeSpan.FromMinutes(62)), (alert.InstanceId, alert.Threshold, alert.RunDuration));
        Assert.Equal(Start.AddMinutes(62), alert.AlertedAt);
        Assert.Equal(0.05041817m, Math.Round(alert.CurrentCost, 8));
    }

    [Fact]
    public async Task A_new_threshold_rearms_and_termination_stops_accrual()
    {
        var time = new FakeTimeProvider(Start);
        using var tracker = new Ec2CostTracker(time, checkInterval: TimeSpan.FromMinutes(1));
        var alerts = new List<Ec2CostAlertEvent>();
        tracker.CostAlert += (_, e) => alerts.Add(e);
        await tracker.TrackAsync(Instance());
        tracker.SetCostAlertThreshold("i-0123456789abcdef0", 0.04m);

        time.Advance(TimeSpan.FromHours(1));
        tracker.SetCostAlertThreshold("i-0123456789abcdef0", 0.09m);
        time.Advance(TimeSpan.FromHours(1));
        tracker.MarkTerminated("i-0123456789abcdef0", time.GetUtcNow());
        time.Advance(TimeSpan.FromHours(5));

        Assert.Equal([0.04m, 0.09m], alerts.Select(a => a.Threshold));
        Assert.Equal(TimeSpan.FromHours(2), tracker.CalculateRunningCost("i-0123456789abcdef0")!.Duration);
        Assert.Equal(0.09758356m, Math.Round(tracker.CalculateRunningCost("i-0123456789abcdef0")!.TotalCost, 8));
        Assert.Null(tracker.CalculateRunningCost("i-unknown"));
    }

    private static Ec2InstanceInfo Instance() => new()
    {
        InstanceId = "i-0123456789abcdef0",
        InstanceType = "t3.medium",
        Region = "us-east-1",
        State = Ec2InstanceState.Running,
        LaunchTime = Start,
        PublicIp = "198.51.100.7",
        RootVolumeSizeGb = 20,
        RootVolumeType = "gp3",
    };
}
