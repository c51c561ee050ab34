using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Domain.Compute.Ec2;
using Microsoft.Extensions.Time.Testing;

namespace Acode.UnitTests.Compute.Ec2;

/// <summary>
/// Outside the catalogue's four regions a price comes from the live list price source, and without one the cost is
/// unknown: null figures, no alert, no exception from the timer; only an estimate (a decision) refuses.
/// </summary>
public sealed class Ec2CostUnknownTests
{
    [Fact]
    public async Task Without_a_price_the_running_cost_is_unknown_and_the_timer_check_does_not_throw()
    {
        var time = new FakeTimeProvider();
        using var tracker = new Ec2CostTracker(time, defaultAlertThreshold: 0.0001m);
        var alerts = 0;
        tracker.CostAlert += (_, _) => alerts++;

        await tracker.TrackAsync(Instance("eu-central-1", time.GetUtcNow()));
        time.Advance(TimeSpan.FromHours(3));
        tracker.CheckAlerts();
        tracker.MarkTerminated("i-0123456789abcdef0", time.GetUtcNow());

        Assert.Null(tracker.CalculateRunningCost("i-0123456789abcdef0"));
        Assert.Null(tracker.ToRecord("i-0123456789abcdef0"));
        Assert.Equal(0, alerts);
    }

    [Fact]
    public async Task A_live_list_price_prices_a_region_the_catalogue_lacks()
    {
        var time = new FakeTimeProvider();
        var prices = new FakeListPrices { OnDemand = 0.048m, Ebs = 0.0952m };
        using var tracker = new Ec2CostTracker(time, listPrices: prices);

        await tracker.TrackAsync(Instance("eu-central-1", time.GetUtcNow()));
        time.Advance(TimeSpan.FromHours(1));
        var cost = tracker.CalculateRunningCost("i-0123456789abcdef0");

        Assert.NotNull(cost);
        Assert.Equal(0.048m, cost.InstanceCost);
        Assert.Equal(20 * 0.0952m / 730m, cost.EbsCost);
        Assert.Equal(["t3.medium@eu-central-1", "gp3@eu-central-1"], prices.Asked);
    }

    [Fact]
    public async Task A_catalogued_region_asks_the_list_price_source_nothing()
    {
        var prices = new FakeListPrices { OnDemand = 9m, Ebs = 9m };
        using var tracker = new Ec2CostTracker(new FakeTimeProvider(), listPrices: prices);

        var estimate = await tracker.EstimateAsync(new Ec2Configuration { Region = "us-east-1" }, TimeSpan.FromHours(1));

        Assert.Equal(0.0416m, estimate.InstanceCost);
        Assert.Empty(prices.Asked);
    }

    [Fact]
    public async Task An_estimate_without_any_price_refuses_and_says_why()
    {
        using var tracker = new Ec2CostTracker(new FakeTimeProvider(), listPrices: new FakeListPrices());

        var error = await Assert.ThrowsAsync<Ec2PriceUnknownException>(() => tracker.EstimateAsync(new Ec2Configuration { Region = "ap-south-1" }, TimeSpan.FromHours(1)));

        Assert.Contains("t3.medium in ap-south-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS Price List", error.Message, StringComparison.Ordinal);
    }

    private static Ec2InstanceInfo Instance(string region, DateTimeOffset launched) => new()
    {
        InstanceId = "i-0123456789abcdef0",
        InstanceType = "t3.medium",
        Region = region,
        AvailabilityZone = region + "a",
        State = Ec2InstanceState.Running,
        LaunchTime = launched,
    };

    private sealed class FakeListPrices : IEc2ListPriceSource
    {
        public decimal? OnDemand { get; init; }

        public decimal? Ebs { get; init; }

        public List<string> Asked { get; } = [];

        public Task<decimal?> GetOnDemandHourlyAsync(string instanceType, string region, CancellationToken cancellationToken = default)
        {
            Asked.Add($"{instanceType}@{region}");
            return Task.FromResult(OnDemand);
        }

        public Task<decimal?> GetEbsGbMonthAsync(string volumeType, string region, CancellationToken cancellationToken = default)
        {
            Asked.Add($"{volumeType}@{region}");
            return Task.FromResult(Ebs);
        }
    }
}
