using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Spot;

namespace Acode.UnitTests.Compute.Ec2.Spot;

/// <summary>FR-049..053: the ordered launch attempts for each combination of spot settings.</summary>
public sealed class SpotLaunchPlannerTests
{
    public static TheoryData<bool, string?, string[], bool, string[]> Plans => new()
    {
        // spotEnabled, spotMaxPrice, spotInstanceTypes, fallback, expected attempts
        { false, null, [], true, ["on-demand t3.medium"] },
        { false, "0.05", ["c5.large"], true, ["on-demand t3.medium"] },
        { true, "0.05", [], true, ["spot t3.medium (max $0.05/h)", "on-demand t3.medium"] },
        { true, null, [], true, ["spot t3.medium (max on-demand price)", "on-demand t3.medium"] },
        { true, "0.05", [], false, ["spot t3.medium (max $0.05/h)"] },
        { true, "0.1", ["c5.large", "m5.large"], true, ["spot c5.large (max $0.1/h)", "spot m5.large (max $0.1/h)", "on-demand t3.medium"] },
        { true, "0.1", ["c5.large", "c5.large", "r5.large"], false, ["spot c5.large (max $0.1/h)", "spot r5.large (max $0.1/h)"] },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void Plan_lists_the_attempts_in_order(bool spot, string? maxPrice, string[] spotTypes, bool fallback, string[] expected)
    {
        var configuration = new Ec2Configuration
        {
            Region = "us-east-1",
            SpotEnabled = spot,
            SpotMaxPrice = maxPrice is null ? null : decimal.Parse(maxPrice, System.Globalization.CultureInfo.InvariantCulture),
            SpotInstanceTypes = spotTypes,
            SpotFallbackToOnDemand = fallback,
        };

        var plan = SpotLaunchPlanner.Plan(configuration);

        Assert.Equal(expected, plan.Select(a => a.ToString()));
        Assert.Equal(Enumerable.Range(0, plan.Count), plan.Select(a => a.Index));
        Assert.All(plan.Where(a => !a.IsSpot), a => Assert.Null(a.SpotMaxPrice));
    }

    [Fact]
    public void A_replacement_is_on_demand_only_with_fallback()
    {
        var configuration = new Ec2Configuration { Region = "us-east-1", InstanceType = "c5.large", SpotEnabled = true, SpotInstanceTypes = ["m5.large"] };

        Assert.Equal(["on-demand c5.large"], SpotLaunchPlanner.PlanReplacement(configuration).Select(a => a.ToString()));
        Assert.Empty(SpotLaunchPlanner.PlanReplacement(configuration with { SpotFallbackToOnDemand = false }));
    }

    [Fact]
    public void Each_attempt_has_its_own_client_token_within_ec2s_limit()
    {
        var plan = SpotLaunchPlanner.Plan(new Ec2Configuration { Region = "us-east-1", SpotEnabled = true, SpotInstanceTypes = ["c5.large", "m5.large"] });
        var longToken = new string('a', 64);

        Assert.Equal(["launch-0", "launch-1", "launch-2"], plan.Select(a => a.ClientToken("launch")));
        Assert.All(plan, a => Assert.Equal(64, a.ClientToken(longToken).Length));
        Assert.Equal(3, plan.Select(a => a.ClientToken(longToken)).Distinct().Count());
    }

    [Fact]
    public void Alternative_types_follow_the_first_on_demand_and_after_spot()
    {
        var onDemand = SpotLaunchPlanner.Plan(new Ec2Configuration { Region = "us-east-1", InstanceType = "m5.large", InstanceTypes = ["m6i.large", "m5.large", "m7i.large"] });
        var spot = SpotLaunchPlanner.Plan(new Ec2Configuration { Region = "us-east-1", InstanceType = "m5.large", InstanceTypes = ["m6i.large"], SpotEnabled = true });

        Assert.Equal(["on-demand m5.large", "on-demand m6i.large", "on-demand m7i.large"], onDemand.Select(a => a.ToString()));
        Assert.Equal(["spot m5.large (max on-demand price)", "on-demand m5.large", "on-demand m6i.large"], spot.Select(a => a.ToString()));
        Assert.Equal([0, 1, 2], spot.Select(a => a.Index));
    }

    [Fact]
    public void Across_subnets_tries_the_next_zone_before_the_next_type_within_the_bound()
    {
        var plan = SpotLaunchPlanner.Plan(new Ec2Configuration { Region = "us-east-1", InstanceType = "m5.large", InstanceTypes = ["m6i.large"] });
        (string, string)[] subnets = [("subnet-0000000a", "us-east-1a"), ("subnet-0000000b", "us-east-1b")];

        var spread = SpotLaunchPlanner.AcrossSubnets(plan, subnets);
        var many = SpotLaunchPlanner.AcrossSubnets(
            SpotLaunchPlanner.Plan(new Ec2Configuration { Region = "us-east-1", InstanceTypes = ["a1.large", "b1.large", "c1.large", "d1.large", "e1.large", "f1.large"] }), subnets);

        Assert.Equal(["on-demand m5.large in us-east-1a", "on-demand m5.large in us-east-1b", "on-demand m6i.large in us-east-1a", "on-demand m6i.large in us-east-1b"], spread.Select(a => a.ToString()));
        Assert.Equal(["subnet-0000000a", "subnet-0000000b", "subnet-0000000a", "subnet-0000000b"], spread.Select(a => a.SubnetId));
        Assert.Equal([0, 1, 2, 3], spread.Select(a => a.Index));
        Assert.Equal(Ec2Defaults.MaxLaunchAttempts, many.Count);
        Assert.Same(plan, SpotLaunchPlanner.AcrossSubnets(plan, []));
    }
}
