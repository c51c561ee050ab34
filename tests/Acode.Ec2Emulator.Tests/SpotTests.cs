using System.Globalization;
using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;

namespace Acode.Ec2Emulator.Tests;

public sealed class SpotTests
{
    [Fact]
    public async Task Spot_prices_derive_from_on_demand_and_follow_the_control_api()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var history = await h.Ec2.DescribeSpotPriceHistoryAsync(new DescribeSpotPriceHistoryRequest
        {
            InstanceTypes = [InstanceType.M5Large], ProductDescriptions = ["Linux/UNIX"], AvailabilityZone = "us-east-1a",
        });
        var price = decimal.Parse(history.SpotPriceHistory.Single().Price, CultureInfo.InvariantCulture);
        Assert.Equal(0.096m * (1 - 0.62m), price);

        h.Emulator.SetSpotPrice("m5.large", "us-east-1a", 0.05m);
        var latest = await h.Ec2.DescribeSpotPriceHistoryAsync(new DescribeSpotPriceHistoryRequest
        {
            InstanceTypes = [InstanceType.M5Large], AvailabilityZone = "us-east-1a", StartTime = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(-1),
        });
        Assert.Equal("0.050000", latest.SpotPriceHistory.OrderByDescending(p => p.Timestamp).First().Price);
        var gpu = await h.Ec2.DescribeSpotPriceHistoryAsync(new DescribeSpotPriceHistoryRequest { InstanceTypes = [InstanceType.G5Xlarge] });
        Assert.Equal(["us-east-1a", "us-east-1b"], gpu.SpotPriceHistory.Select(p => p.AvailabilityZone).Order());
    }

    [Fact]
    public async Task A_max_price_below_the_spot_price_is_refused()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var error = await AssertEc2.FailsAsync("SpotMaxPriceTooLow", () => h.RunAsync(r => r.InstanceMarketOptions = new InstanceMarketOptionsRequest
        {
            MarketType = MarketType.Spot, SpotOptions = new SpotMarketOptions { MaxPrice = "0.002" },
        }));
        Assert.Contains("0.002", error.Message, StringComparison.Ordinal);
        await AssertEc2.FailsAsync("InvalidParameterValue", () => h.RunAsync(r => r.InstanceMarketOptions = new InstanceMarketOptionsRequest
        {
            MarketType = MarketType.Spot, SpotOptions = new SpotMarketOptions { MaxPrice = "0.0005" },
        }));
    }

    [Fact]
    public async Task An_interrupted_spot_instance_gets_a_notice_in_its_imds_then_is_terminated()
    {
        // The emulator's own clock, so a loaded machine cannot let the notice run out before the first look.
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var notice = TimeSpan.FromMinutes(2);
        await using var h = await EmulatorHarness.StartAsync(timeProvider: clock);
        var launched = await h.RunAsync(r => r.InstanceMarketOptions = new InstanceMarketOptionsRequest
        {
            MarketType = MarketType.Spot, SpotOptions = new SpotMarketOptions { MaxPrice = "0.05" },
        });
        Assert.Equal(InstanceLifecycleType.Spot, launched.InstanceLifecycle);
        var id = launched.InstanceId;
        await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Running);
        var request = (await h.Ec2.DescribeSpotInstanceRequestsAsync(new DescribeSpotInstanceRequestsRequest())).SpotInstanceRequests.Single();
        Assert.Equal(id, request.InstanceId);
        Assert.Equal("fulfilled", request.Status.Code);

        using var imds = new ImdsClient(new Uri(h.Emulator.ImdsUrl, id + "/"));
        Assert.Equal(HttpStatusCode.NotFound, (await imds.GetAsync("latest/meta-data/spot/instance-action")).Status);
        Assert.Equal(id, (await imds.GetAsync("latest/meta-data/instance-id")).Body);
        Assert.Equal("spot", (await imds.GetAsync("latest/meta-data/instance-life-cycle")).Body);

        h.Emulator.InterruptSpotInstance(id, notice);
        var action = await imds.GetAsync("latest/meta-data/spot/instance-action");
        Assert.Equal(HttpStatusCode.OK, action.Status);
        Assert.Contains("\"action\":\"terminate\"", action.Body, StringComparison.Ordinal);

        clock.Advance(notice - TimeSpan.FromSeconds(1));
        Assert.Equal(InstanceStateName.Running, (await h.DescribeAsync(id)).State.Name);
        clock.Advance(TimeSpan.FromSeconds(1));

        var terminated = await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Terminated);
        Assert.Equal("Server.SpotInstanceTermination", terminated.StateReason.Code);
        var closed = (await h.Ec2.DescribeSpotInstanceRequestsAsync(new DescribeSpotInstanceRequestsRequest { SpotInstanceRequestIds = [request.SpotInstanceRequestId] })).SpotInstanceRequests.Single();
        Assert.Equal(SpotInstanceState.Closed, closed.State);
    }
}
