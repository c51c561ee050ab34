using Acode.Ec2Emulator;

namespace Acode.IntegrationTests.Cli;

/// <summary>
/// <c>acode target ec2 cost</c> needs a price to decide: outside the offline catalogue it looks the price up in the
/// Price List in burst mode (here the emulator's, over loopback), and otherwise refuses with exit 2 and the reason.
/// </summary>
public sealed class CliCostRegionTests
{
    private static readonly Dictionary<string, string> TestKey = new() { ["AWS_ACCESS_KEY_ID"] = "test", ["AWS_SECRET_ACCESS_KEY"] = "test" };

    [Fact]
    public async Task In_burst_mode_an_uncatalogued_region_is_priced_from_the_live_price_list()
    {
        await using var emulator = await Ec2Emulator.Ec2Emulator.StartAsync(new EmulatorOptions { StartMachines = false });
        using var cli = new CliProcess();

        var result = await cli.RunAsync(
            ["target", "ec2", "cost", "--region", "eu-central-1", "--hours", "1", "--mode", "burst", "--endpoint-url", emulator.ServiceUrl.ToString()], TestKey);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("t3.medium in eu-central-1", result.Out, StringComparison.Ordinal);
        Assert.Contains("$0.0480/h", result.Out, StringComparison.Ordinal);
        Assert.Contains("AWS Price List (GetProducts)", result.Out, StringComparison.Ordinal);
        Assert.Equal(2, emulator.ActionLog.Count(e => e.Service == "pricing" && e.ErrorCode is null));
    }

    [Fact]
    public async Task Without_a_price_the_estimate_refuses_and_says_why_and_sends_nothing()
    {
        await using var emulator = await Ec2Emulator.Ec2Emulator.StartAsync(new EmulatorOptions { StartMachines = false });
        using var cli = new CliProcess();

        var offline = await cli.RunAsync(["target", "ec2", "cost", "--region", "ap-south-1", "--endpoint-url", emulator.ServiceUrl.ToString()], TestKey);
        var unpriced = await cli.RunAsync(
            ["target", "ec2", "cost", "--region", "sa-east-1", "--mode", "burst", "--endpoint-url", emulator.ServiceUrl.ToString()], TestKey);

        Assert.True(offline.ExitCode == 2, offline.ToString());
        Assert.Contains("no price for t3.medium in ap-south-1", offline.Error, StringComparison.Ordinal);
        Assert.Contains("--mode burst", offline.Error, StringComparison.Ordinal);
        Assert.True(unpriced.ExitCode == 2, unpriced.ToString());
        Assert.Contains("no price for t3.medium in sa-east-1", unpriced.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.ActionLog, e => e.Service == "ec2");
        Assert.Equal(1, emulator.ActionLog.Count(e => e.Service == "pricing"));
    }
}
