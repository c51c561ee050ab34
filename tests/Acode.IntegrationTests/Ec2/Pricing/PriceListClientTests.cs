using System.Net;
using System.Net.Sockets;
using Acode.Ec2Emulator;
using Acode.Infrastructure.Compute.Ec2.Pricing;
using Amazon.Runtime;

namespace Acode.IntegrationTests.Ec2.Pricing;

/// <summary>
/// The live Price List lookup over HTTP on loopback against the emulator's GetProducts, signed SigV4 (the emulator
/// verifies it): prices found, cached, and every failure (wrong secret, no product, no answer) is "unknown", never an
/// exception.
/// </summary>
public sealed class PriceListClientTests
{
    [Fact]
    public async Task A_signed_lookup_finds_instance_and_EBS_prices_and_caches_them()
    {
        await using var emulator = await Ec2Emulator.Ec2Emulator.StartAsync(new EmulatorOptions { StartMachines = false });
        using var client = new AwsPriceListClient(new BasicAWSCredentials("test", "test"), emulator.ServiceUrl, TimeProvider.System);

        Assert.Equal(0.048m, await client.GetOnDemandHourlyAsync("t3.medium", "eu-central-1"));
        Assert.Equal(0.0912m, await client.GetEbsGbMonthAsync("gp3", "ap-south-1"));
        Assert.Equal(0.048m, await client.GetOnDemandHourlyAsync("t3.medium", "eu-central-1"));
        Assert.Null(await client.GetOnDemandHourlyAsync("t3.medium", "sa-east-1"));
        Assert.Null(await client.GetOnDemandHourlyAsync("t3.medium", "sa-east-1"));

        var calls = emulator.ActionLog.Where(e => e.Service == "pricing").ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Null(c.ErrorCode));
    }

    [Fact]
    public async Task A_refused_signature_is_an_unknown_price()
    {
        await using var emulator = await Ec2Emulator.Ec2Emulator.StartAsync(new EmulatorOptions { StartMachines = false });
        using var client = new AwsPriceListClient(new BasicAWSCredentials("test", "wrong-secret"), emulator.ServiceUrl, TimeProvider.System);

        Assert.Null(await client.GetOnDemandHourlyAsync("t3.medium", "eu-central-1"));
        Assert.Contains(emulator.ActionLog, e => e.Service == "pricing" && e.ErrorCode == "InvalidSignatureException");
    }

    [Fact]
    public async Task An_endpoint_that_never_answers_is_an_unknown_price_after_the_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/");
        using var client = new AwsPriceListClient(new BasicAWSCredentials("test", "test"), endpoint, TimeProvider.System, TimeSpan.FromMilliseconds(300));

        Assert.Null(await client.GetOnDemandHourlyAsync("t3.medium", "eu-central-1"));
    }
}
