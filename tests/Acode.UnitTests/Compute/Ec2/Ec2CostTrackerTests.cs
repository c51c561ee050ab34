using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Domain.Compute.Ec2.Cost;
using Microsoft.Extensions.Time.Testing;

namespace Acode.UnitTests.Compute.Ec2;

/// <summary>The tracker's estimates use live prices and reservations when a price source gives them.</summary>
public sealed class Ec2CostTrackerTests
{
    [Fact]
    public async Task A_reservation_from_the_price_source_changes_the_estimate()
    {
        var prices = new FakePriceSource { Reservations = [new Ec2ReservedInstance { ReservedInstancesId = "ri-9", InstanceType = "c5.large", Region = "us-east-1", EffectiveHourlyRate = 0.05m }] };
        using var tracker = new Ec2CostTracker(new FakeTimeProvider(), prices);
        var configuration = new Ec2Configuration { Region = "us-east-1", InstanceType = "c5.large" };

        var covered = await tracker.EstimateAsync(configuration, TimeSpan.FromHours(2));
        var other = await tracker.EstimateAsync(configuration with { InstanceType = "c6i.large" }, TimeSpan.FromHours(2));

        Assert.Equal((0.1m, Ec2DiscountKind.ReservedInstance), (covered.InstanceCost, covered.Discount));
        Assert.Equal((0.17m, Ec2DiscountKind.None), (other.InstanceCost, other.Discount));
    }

    [Fact]
    public async Task A_live_spot_price_replaces_the_assumption()
    {
        using var tracker = new Ec2CostTracker(new FakeTimeProvider(), new FakePriceSource { Spot = 0.0301m });
        var configuration = new Ec2Configuration { Region = "us-east-1", InstanceType = "c5.large", SpotEnabled = true };

        var estimate = await tracker.EstimateAsync(configuration, TimeSpan.FromHours(1));
        var pricing = await tracker.GetPricingAsync("c5.large", "us-east-1", "us-east-1a");

        Assert.Equal((0.0301m, Ec2DiscountKind.Spot), (estimate.InstanceCost, estimate.Discount));
        Assert.DoesNotContain(estimate.Assumptions, a => a.StartsWith("spot rate assumed", StringComparison.Ordinal));
        Assert.Equal((0.0301m, false), (pricing.SpotHourlyRate, pricing.SpotRateIsAssumed));
    }

    private sealed class FakePriceSource : IEc2PriceSource
    {
        public decimal? Spot { get; init; }

        public IReadOnlyList<Ec2ReservedInstance> Reservations { get; init; } = [];

        public Task<decimal?> GetSpotPriceAsync(string instanceType, string region, string? availabilityZone, CancellationToken cancellationToken = default) =>
            Task.FromResult(Spot);

        public Task<IReadOnlyList<Ec2ReservedInstance>> GetReservedInstancesAsync(string region, CancellationToken cancellationToken = default) =>
            Task.FromResult(Reservations);
    }
}
