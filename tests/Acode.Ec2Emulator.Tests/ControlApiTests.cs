using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.Ec2Emulator.Tests;

public sealed class ControlApiTests
{
    [Fact]
    public async Task The_http_control_api_injects_faults_reads_the_log_backdates_and_resets()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(h.Emulator.ServiceUrl, "_emulator/") };
        var id = (await h.RunAsync()).InstanceId;

        (await http.PostAsJsonAsync("faults", new { action = "DescribeVpcs", code = "RequestLimitExceeded", count = 1 })).EnsureSuccessStatusCode();
        await AssertEc2.FailsAsync("RequestLimitExceeded", () => h.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest()), HttpStatusCode.ServiceUnavailable);

        var log = await http.GetFromJsonAsync<JsonElement>("actions");
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("action").GetString() == "DescribeVpcs"
            && e.GetProperty("errorCode").GetString() == "RequestLimitExceeded" && e.GetProperty("accessKeyId").GetString() == "test");

        (await http.PostAsJsonAsync($"instances/{id}/launch-time", new { launchTime = "2020-01-02T03:04:05Z" })).EnsureSuccessStatusCode();
        Assert.Equal(2020, (await h.DescribeAsync(id)).LaunchTime!.Value.ToUniversalTime().Year);

        var settings = await (await http.PostAsJsonAsync("settings", new { bootDelayMs = 1234 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1234, settings.GetProperty("bootDelayMs").GetDouble());
        Assert.Equal(TimeSpan.FromMilliseconds(1234), h.Emulator.Settings.BootDelay);

        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("faults", new { code = "Nonsense", count = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("instances/i-0123456789abcdef0/launch-time", new { launchTime = "2020-01-02T03:04:05Z" })).StatusCode);

        (await http.PostAsync("reset", null)).EnsureSuccessStatusCode();
        Assert.Null((await h.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations is { Count: > 0 } ? "left" : null);
    }

    [Fact]
    public async Task Spot_interruption_and_prices_are_reachable_over_http()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(h.Emulator.ServiceUrl, "_emulator/") };
        (await http.PostAsJsonAsync("spot-prices", new { instanceType = "c5.large", price = 0.07 })).EnsureSuccessStatusCode();
        await AssertEc2.FailsAsync("SpotMaxPriceTooLow", () => h.RunAsync(r => (r.InstanceType, r.InstanceMarketOptions) =
            (InstanceType.C5Large, new InstanceMarketOptionsRequest { MarketType = MarketType.Spot, SpotOptions = new SpotMarketOptions { MaxPrice = "0.06" } })));

        var id = (await h.RunAsync(r => r.InstanceMarketOptions = new InstanceMarketOptionsRequest { MarketType = MarketType.Spot })).InstanceId;
        await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Running);
        (await http.PostAsJsonAsync($"instances/{id}/spot-interruption", new { noticeSeconds = 0.1 })).EnsureSuccessStatusCode();
        var gone = await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Terminated);
        Assert.Equal("Server.SpotInstanceTermination", gone.StateReason.Code);
    }

    [Fact]
    public async Task The_request_count_includes_refused_calls_is_kept_by_path_and_leaves_out_the_control_api()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(h.Emulator.ServiceUrl, "_emulator/") };
        (await http.DeleteAsync("requests")).EnsureSuccessStatusCode();
        using var wrongSecret = h.Ec2Client(secret: "not-the-secret");
        using var onAPath = new AmazonEC2Client(new Amazon.Runtime.BasicAWSCredentials("test", "test"), new AmazonEC2Config
        {
            ServiceURL = new Uri(h.Emulator.ServiceUrl, "case-7/").ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0,
        });

        await h.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest());
        await AssertEc2.FailsAsync("SignatureDoesNotMatch", () => wrongSecret.DescribeVpcsAsync(new DescribeVpcsRequest()), HttpStatusCode.Forbidden);
        await onAPath.DescribeVpcsAsync(new DescribeVpcsRequest());
        await http.GetAsync("settings");

        var counted = await http.GetFromJsonAsync<JsonElement>("requests");
        Assert.Equal(3, counted.GetProperty("count").GetInt64());
        Assert.Equal(1, counted.GetProperty("byPath").GetProperty("/case-7/").GetInt64());
        Assert.Equal(2, counted.GetProperty("byPath").GetProperty("/").GetInt64());
        Assert.Equal(3, h.Emulator.RequestCount);

        (await http.DeleteAsync("requests")).EnsureSuccessStatusCode();
        Assert.Equal(0, (await http.GetFromJsonAsync<JsonElement>("requests")).GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Without_a_default_vpc_a_launch_needs_a_subnet_and_a_group_needs_a_vpc()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(h.Emulator.ServiceUrl, "_emulator/") };

        var settings = await (await http.PostAsJsonAsync("settings", new { defaultVpc = false })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(settings.GetProperty("defaultVpc").GetBoolean());
        Assert.Empty((await h.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("is-default", ["true"])] })).Vpcs ?? []);
        Assert.Empty((await h.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("default-for-az", ["true"])] })).Subnets ?? []);
        var vpc = (await h.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs.Single();
        Assert.False(vpc.IsDefault);
        await AssertEc2.FailsAsync("VPCIdNotSpecified", () => h.RunAsync());
        await AssertEc2.FailsAsync("VPCIdNotSpecified", () => h.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "g", Description = "d" }));
        var subnet = (await h.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets[0];
        Assert.False(subnet.DefaultForAz);
        Assert.Equal(subnet.SubnetId, (await h.RunAsync(r => r.SubnetId = subnet.SubnetId)).SubnetId);
        Assert.NotNull((await h.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "g", Description = "d", VpcId = vpc.VpcId })).GroupId);

        (await http.PostAsJsonAsync("settings", new { defaultVpc = true })).EnsureSuccessStatusCode();
        Assert.True((await h.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs.Single().IsDefault);
    }
}
