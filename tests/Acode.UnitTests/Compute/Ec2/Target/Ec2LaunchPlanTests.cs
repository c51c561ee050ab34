using Acode.Application.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Provisioning;

namespace Acode.UnitTests.Compute.Ec2.Target;

public sealed class Ec2LaunchPlanTests
{
    private static readonly Ec2Configuration Base = new() { Region = "us-east-1", InstanceType = "m5.large" };

    [Fact]
    public void On_demand_is_the_default() =>
        Assert.Equal([new Ec2LaunchAttempt("m5.large", false)], Ec2LaunchPlan.For(Base));

    [Fact]
    public void Spot_types_in_order_then_on_demand_fallback()
    {
        var plan = Ec2LaunchPlan.For(Base with { SpotEnabled = true, SpotMaxPrice = 0.04m, SpotInstanceTypes = ["m5.large", "m6i.large"] });

        Assert.Equal(
            [new Ec2LaunchAttempt("m5.large", true, 0.04m), new Ec2LaunchAttempt("m6i.large", true, 0.04m), new Ec2LaunchAttempt("m5.large", false)],
            plan);
    }

    [Fact]
    public void Spot_without_fallback_never_launches_on_demand() =>
        Assert.All(Ec2LaunchPlan.For(Base with { SpotEnabled = true, SpotFallbackToOnDemand = false }), attempt => Assert.True(attempt.Spot));
}
