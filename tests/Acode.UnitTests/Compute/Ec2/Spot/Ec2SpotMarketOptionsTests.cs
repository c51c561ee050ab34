using Acode.Application.Compute.Ec2.Spot;
using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Spot;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.UnitTests.Compute.Ec2.Spot;

/// <summary>FR-049/050: one place builds the RunInstances market options of an attempt.</summary>
public sealed class Ec2SpotMarketOptionsTests
{
    [Fact]
    public void A_spot_attempt_is_a_one_time_request_that_terminates_on_interruption_at_its_max_price()
    {
        var request = Ec2SpotMarketOptions.Apply(new RunInstancesRequest { ImageId = "ami-1" }, new LaunchAttempt(1, "c5.large", Ec2InstanceLifecycle.Spot, 0.0425m), "launch-abc");

        Assert.Equal(("c5.large", "ami-1", "launch-abc-1"), (request.InstanceType.Value, request.ImageId, request.ClientToken));
        Assert.Equal(MarketType.Spot, request.InstanceMarketOptions.MarketType);
        var spot = request.InstanceMarketOptions.SpotOptions;
        Assert.Equal((SpotInstanceType.OneTime, InstanceInterruptionBehavior.Terminate, "0.0425"), (spot.SpotInstanceType, spot.InstanceInterruptionBehavior, spot.MaxPrice));
    }

    [Fact]
    public void A_spot_attempt_without_a_max_price_leaves_the_cap_to_aws()
    {
        Assert.Null(Ec2SpotMarketOptions.For(new LaunchAttempt(0, "m5.large", Ec2InstanceLifecycle.Spot, null))!.SpotOptions.MaxPrice);
    }

    [Fact]
    public void An_on_demand_attempt_clears_market_options_and_keeps_a_given_token_when_none_is_passed()
    {
        var request = new RunInstancesRequest
        {
            ClientToken = "mine",
            InstanceMarketOptions = new InstanceMarketOptionsRequest { MarketType = MarketType.Spot },
        };

        Ec2SpotMarketOptions.Apply(request, new LaunchAttempt(2, "t3.medium", Ec2InstanceLifecycle.OnDemand, null));

        Assert.Equal(("t3.medium", "mine"), (request.InstanceType.Value, request.ClientToken));
        Assert.Null(request.InstanceMarketOptions);
    }
}
