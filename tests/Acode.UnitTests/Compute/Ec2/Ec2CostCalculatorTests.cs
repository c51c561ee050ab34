using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Domain.Compute.Ec2.Cost;

namespace Acode.UnitTests.Compute.Ec2;

/// <summary>
/// UT-004: hand-computed costs. Instance = $/h x billed s / 3600; EBS = GB x $/GB-month x billed s / (730 x 3600);
/// IPv4 and EIP = $0.005 x billed s / 3600; billed s = max(60, ceil(duration)). Figures to 8 decimals.
/// </summary>
public sealed class Ec2CostCalculatorTests
{
    private static readonly Ec2CostRequest Base = new() { InstanceType = "t3.medium", Region = "us-east-1", Duration = TimeSpan.FromHours(1) };

    public static TheoryData<string, Ec2CostRequest, decimal[], Ec2DiscountKind> Rows => new()
    {
        // 0.0416 x 1 h; 20 x 0.08 / 730 = 0.00219178; 0.005
        { "on-demand 1 h", Base, [0.0416m, 0.00219178m, 0.005m, 0m, 0.04879178m, 0.04879178m], Ec2DiscountKind.None },

        // 10 s billed as 60 s: 0.0104 / 60 = 0.00017333; 1.6 x 60 / 2628000 = 0.00003653; 0.005 / 60 = 0.00008333
        { "60 s minimum", Base with { InstanceType = "t3.micro", Duration = TimeSpan.FromSeconds(10) }, [0.00017333m, 0.00003653m, 0.00008333m, 0m, 0.00029320m, 0.01759178m], Ec2DiscountKind.None },

        // 1.5 h: 0.085 x 1.5 = 0.1275; 0.00219178 x 1.5 = 0.00328767; 0.0075
        { "partial hours", Base with { InstanceType = "c5.large", Duration = TimeSpan.FromMinutes(90) }, [0.1275m, 0.00328767m, 0.0075m, 0m, 0.13828767m, 0.09219178m], Ec2DiscountKind.None },

        // 61.2 s billed as 62 s: 0.085 x 62 / 3600 = 0.00146389
        { "partial second", Base with { InstanceType = "c5.large", Duration = TimeSpan.FromSeconds(61.2) }, [0.00146389m, 0.00003775m, 0.00008611m, 0m, 0.00158775m, 0.09219178m], Ec2DiscountKind.None },

        // live spot 0.035 x 2 h = 0.07
        { "spot live", Base with { InstanceType = "m5.large", Duration = TimeSpan.FromHours(2), IsSpot = true, SpotHourlyRate = 0.035m }, [0.07m, 0.00438356m, 0.01m, 0m, 0.08438356m, 0.04219178m], Ec2DiscountKind.Spot },

        // assumed spot in the US: 0.096 x (1 - 0.55) = 0.0432
        { "spot assumed us", Base with { InstanceType = "m5.large", IsSpot = true }, [0.0432m, 0.00219178m, 0.005m, 0m, 0.05039178m, 0.05039178m], Ec2DiscountKind.Spot },

        // assumed spot in eu-west-1: 0.107 x 0.5 = 0.0535; gp3 there 20 x 0.088 / 730 = 0.00241096
        { "spot assumed eu", Base with { InstanceType = "m5.large", Region = "eu-west-1", IsSpot = true }, [0.0535m, 0.00241096m, 0.005m, 0m, 0.06091096m, 0.06091096m], Ec2DiscountKind.Spot },

        // gp2 100 GB in eu-west-1: 100 x 0.11 / 730 = 0.01506849; private address only
        { "gp2 private", Base with { InstanceType = "r5.large", Region = "eu-west-1", EbsSizeGb = 100, EbsVolumeType = "gp2", PublicIpv4 = false }, [0.141m, 0.01506849m, 0m, 0m, 0.15606849m, 0.15606849m], Ec2DiscountKind.None },

        // an Elastic IP replaces the auto-assigned address: 0.005 on the EIP line
        { "elastic ip", Base with { InstanceType = "g4dn.xlarge", ElasticIp = true }, [0.526m, 0.00219178m, 0m, 0.005m, 0.53319178m, 0.53319178m], Ec2DiscountKind.None },

        // a regional RI at an effective 0.026/h covers the instance
        { "reserved", Base with { ReservedInstances = [Ri()] }, [0.026m, 0.00219178m, 0.005m, 0m, 0.03319178m, 0.03319178m], Ec2DiscountKind.ReservedInstance },

        // savings plan 28 %: 0.096 x 0.72 = 0.06912
        { "savings plan", Base with { InstanceType = "m6i.large", SavingsPlan = new Ec2SavingsPlan { DiscountPercent = 28m } }, [0.06912m, 0.00219178m, 0.005m, 0m, 0.07631178m, 0.07631178m], Ec2DiscountKind.SavingsPlan },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Costs_match_the_hand_computed_table(string name, Ec2CostRequest request, decimal[] expected, Ec2DiscountKind discount)
    {
        var cost = Ec2CostCalculator.Calculate(request);

        decimal[] actual = [cost.InstanceCost, cost.EbsCost, cost.PublicIpv4Cost, cost.ElasticIpCost, cost.TotalCost, cost.HourlyRate];
        Assert.True(expected.SequenceEqual(actual.Select(a => Math.Round(a, 8))), $"{name}: {string.Join(", ", actual)}");
        Assert.Equal(discount, cost.Discount);
    }

    [Fact]
    public void Reservations_apply_only_when_active_matching_and_in_scope()
    {
        static Ec2DiscountKind With(Ec2CostRequest r) => Ec2CostCalculator.Calculate(r).Discount;
        var inAz = Base with { AvailabilityZone = "us-east-1b" };

        Assert.Equal(Ec2DiscountKind.ReservedInstance, With(inAz with { ReservedInstances = [Ri() with { AvailabilityZone = "us-east-1b" }] }));
        Assert.Equal(Ec2DiscountKind.None, With(inAz with { ReservedInstances = [Ri() with { AvailabilityZone = "us-east-1a" }] }));
        Assert.Equal(Ec2DiscountKind.None, With(inAz with { ReservedInstances = [Ri() with { IsActive = false }] }));
        Assert.Equal(Ec2DiscountKind.None, With(inAz with { ReservedInstances = [Ri() with { InstanceType = "t3.large" }] }));
        Assert.Equal(Ec2DiscountKind.None, With(inAz with { ReservedInstances = [Ri() with { Platform = "Windows" }] }));
        Assert.Equal(Ec2DiscountKind.None, With(inAz with { ReservedInstances = [Ri() with { Region = "us-west-2" }] }));
        Assert.Equal(Ec2DiscountKind.Spot, With(inAz with { IsSpot = true, ReservedInstances = [Ri()] }));
        Assert.Equal(Ec2DiscountKind.ReservedInstance, With(inAz with { ReservedInstances = [Ri()], SavingsPlan = new Ec2SavingsPlan { DiscountPercent = 50m } }));
    }

    [Fact]
    public void A_savings_plan_applies_only_to_its_families_and_regions()
    {
        var plan = new Ec2SavingsPlan { DiscountPercent = 20m, InstanceFamilies = ["c6i"], Regions = ["us-east-1"] };

        Assert.Equal(Ec2DiscountKind.None, Ec2CostCalculator.Calculate(Base with { SavingsPlan = plan }).Discount);
        Assert.Equal(0.068m, Ec2CostCalculator.Calculate(Base with { InstanceType = "c6i.large", SavingsPlan = plan }).InstanceCost);
        Assert.Equal(Ec2DiscountKind.None, Ec2CostCalculator.Calculate(Base with { InstanceType = "c6i.large", Region = "us-west-2", SavingsPlan = plan }).Discount);
    }

    [Fact]
    public void Assumptions_say_what_the_figure_rests_on()
    {
        var spot = Ec2CostCalculator.Calculate(Base with { IsSpot = true });

        Assert.Contains("spot rate assumed at 55% below on-demand (no live spot price; the low end of discounts seen in us-east-1)", spot.Assumptions);
        Assert.Contains("public IPv4 / Elastic IP at $0.005/h prorated per second", spot.Assumptions);
        Assert.Contains("covered by reserved instance ri-1 at its effective rate", Ec2CostCalculator.Calculate(Base with { ReservedInstances = [Ri()] }).Assumptions);
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(59.999, 60)]
    [InlineData(60, 60)]
    [InlineData(60.001, 61)]
    [InlineData(3599.5, 3600)]
    public void Billing_is_per_second_with_a_60_second_minimum(double seconds, int billed) =>
        Assert.Equal(TimeSpan.FromSeconds(billed), Ec2CostCalculator.BilledDuration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Unknown_prices_are_refused_not_guessed()
    {
        var region = Assert.Throws<Ec2PriceUnknownException>(() => Ec2CostCalculator.Calculate(Base with { Region = "ap-south-1" }));
        var type = Assert.Throws<Ec2PriceUnknownException>(() => Ec2CostCalculator.Calculate(Base with { InstanceType = "m6a.large" }));

        Assert.Equal(("t3.medium", "ap-south-1"), (region.What, region.Region));
        Assert.Equal("m6a.large", type.What);
        Assert.Equal(0.0864m, Ec2CostCalculator.Calculate(Base with { InstanceType = "m6a.large", OnDemandHourlyRate = 0.0864m }).InstanceCost);
    }

    [Fact]
    public void Pricing_lists_every_unit_price()
    {
        var pricing = Ec2CostCalculator.Pricing("t3.medium", "us-east-1");

        Assert.Equal((0.0416m, 0.01872m, true, 0.08m, 0.005m), (pricing.OnDemandHourlyRate, pricing.SpotHourlyRate, pricing.SpotRateIsAssumed, pricing.EbsGbMonthRate, pricing.PublicIpv4HourlyRate));
        Assert.Equal(30.368m, pricing.EstimatedMonthlyCost);
    }

    [Fact]
    public void An_estimate_from_configuration_uses_its_settings()
    {
        var configuration = new Ec2Configuration { Region = "us-east-1", InstanceType = "c5.large", EbsSizeGb = 100, ElasticIp = "auto" };

        var cost = Ec2CostCalculator.Calculate(Ec2CostRequest.FromConfiguration(configuration, TimeSpan.FromHours(2)));

        Assert.Equal((0.17m, 0m, 0.01m), (cost.InstanceCost, cost.PublicIpv4Cost, cost.ElasticIpCost));
        Assert.Equal(0.02191781m, Math.Round(cost.EbsCost, 8));
    }

    [Theory]
    [InlineData(0.048791, 0.0488)]
    [InlineData(12.345, 12.35)]
    [InlineData(0.00005, 0.0001)]
    public void Display_rounding(double amount, double shown) =>
        Assert.Equal((decimal)shown, Ec2CostBreakdown.RoundForDisplay((decimal)amount));

    private static Ec2ReservedInstance Ri() =>
        new() { ReservedInstancesId = "ri-1", InstanceType = "t3.medium", Region = "us-east-1", EffectiveHourlyRate = 0.026m };
}
