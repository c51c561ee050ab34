using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Domain.Compute.Ec2.Cost;
using Acode.Ec2Emulator;
using Acode.Ec2Emulator.Auth;
using Acode.Infrastructure.Compute.Ec2.Pricing;
using Acode.IntegrationTests.Ec2.Spot;
using Microsoft.Extensions.Time.Testing;

namespace Acode.IntegrationTests.Ec2.Pricing;

/// <summary>FR-054, FR-056: spot prices and reservations from EC2 change the estimate; a refused lookup is stated.</summary>
[Collection(AwsEnvironmentCollection.Name)]
public sealed class LivePricesEmulatorTests
{
    [Fact]
    public async Task The_spot_price_from_the_history_is_used_and_cached_until_it_expires()
    {
        await using var h = await SpotEmulator.StartAsync();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var source = new AwsEc2PriceSource(h.Ec2, SpotEmulator.Region, time, TimeSpan.FromMinutes(10));
        using var tracker = new Ec2CostTracker(time, source);
        var configuration = new Ec2Configuration { Region = SpotEmulator.Region, InstanceType = "m5.large", SpotEnabled = true };

        // The emulator's zone a is 62 % under on-demand, the cheapest zone; the region-wide price is the cheapest zone's.
        Assert.Equal(0.096m * 0.38m, await source.GetSpotPriceAsync("m5.large", SpotEmulator.Region, "us-east-1a"));
        Assert.Equal(0.096m * 0.31m, await source.GetSpotPriceAsync("m5.large", SpotEmulator.Region, null));

        h.Emulator.SetSpotPrice("m5.large", null, 0.05m);
        Assert.Equal(0.096m * 0.31m, await source.GetSpotPriceAsync("m5.large", SpotEmulator.Region, null));
        time.Advance(TimeSpan.FromMinutes(11));
        var estimate = await tracker.EstimateAsync(configuration, TimeSpan.FromHours(1));

        Assert.Equal((0.05m, Ec2DiscountKind.Spot), (estimate.InstanceCost, estimate.Discount));
        Assert.DoesNotContain(estimate.Assumptions, a => a.Contains("assumed", StringComparison.Ordinal));
        Assert.Equal(3, h.Emulator.ActionLog.Count(e => e.Action == "DescribeSpotPriceHistory"));
    }

    [Fact]
    public async Task An_active_reservation_lowers_the_estimate_and_an_expired_one_does_not()
    {
        await using var h = await SpotEmulator.StartAsync();
        var configuration = new Ec2Configuration { Region = SpotEmulator.Region, InstanceType = "c5.large" };
        var before = await Estimate(h, configuration);

        h.Emulator.AddReservedInstances(new ReservedInstanceRecord { InstanceType = "c5.large", FixedPrice = 219m, RecurringHourlyPrice = 0.025m });
        h.Emulator.AddReservedInstances(new ReservedInstanceRecord { InstanceType = "r5.large", RecurringHourlyPrice = 0.01m, State = "retired" });
        var covered = await Estimate(h, configuration);
        var retired = await Estimate(h, configuration with { InstanceType = "r5.large" });

        Assert.Equal((0.085m, Ec2DiscountKind.None), (before.InstanceHourlyRate, before.Discount));
        // 219 USD upfront over a 365-day term is 0.025 USD/h, plus 0.025 USD/h recurring.
        Assert.Equal((0.05m, Ec2DiscountKind.ReservedInstance), (covered.InstanceHourlyRate, covered.Discount));
        Assert.Contains(covered.Assumptions, a => a.StartsWith("covered by reserved instance", StringComparison.Ordinal));
        Assert.Equal((0.126m, Ec2DiscountKind.None), (retired.InstanceHourlyRate, retired.Discount));
    }

    [Fact]
    public async Task A_refused_lookup_falls_back_to_the_catalogue_and_says_so()
    {
        await using var h = await SpotEmulator.StartAsync();
        h.Emulator.AddCredential(new EmulatorCredential { AccessKeyId = "limited", SecretAccessKey = "limited-secret", AllowedActions = new HashSet<string> { "DescribeInstances" } });
        using var limited = h.Client("limited", "limited-secret");
        var source = new AwsEc2PriceSource(limited, SpotEmulator.Region, TimeProvider.System);
        using var tracker = new Ec2CostTracker(TimeProvider.System, source);

        var spot = await tracker.EstimateAsync(new Ec2Configuration { Region = SpotEmulator.Region, InstanceType = "c5.large", SpotEnabled = true }, TimeSpan.FromHours(1));
        var onDemand = await tracker.EstimateAsync(new Ec2Configuration { Region = SpotEmulator.Region, InstanceType = "c5.large" }, TimeSpan.FromHours(1));

        Assert.Contains(spot.Assumptions, a => a.StartsWith("spot rate assumed", StringComparison.Ordinal));
        Assert.Equal(0.085m * 0.45m, spot.InstanceHourlyRate);
        Assert.Equal((0.085m, Ec2DiscountKind.None), (onDemand.InstanceHourlyRate, onDemand.Discount));
        Assert.All(h.Emulator.ActionLog.Where(e => e.AccessKeyId == "limited"), e => Assert.Equal("UnauthorizedOperation", e.ErrorCode));
    }

    private static async Task<Ec2CostBreakdown> Estimate(SpotEmulator h, Ec2Configuration configuration)
    {
        using var tracker = new Ec2CostTracker(TimeProvider.System, new AwsEc2PriceSource(h.Ec2, SpotEmulator.Region, TimeProvider.System));
        return await tracker.EstimateAsync(configuration, TimeSpan.FromHours(1));
    }
}
