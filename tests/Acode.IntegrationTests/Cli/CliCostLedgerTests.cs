using Acode.Ec2Emulator;
using Acode.Infrastructure.Compute.Ec2.Pricing;
using Emulator = Acode.Ec2Emulator.Ec2Emulator;

namespace Acode.IntegrationTests.Cli;

/// <summary>
/// The user's cost ledger holds real spend only: a full <c>exec</c> on the in-process emulator, and one against a
/// standalone emulator reached with <c>--endpoint-url</c> on loopback, leave no ledger file behind, while each run
/// still ends normally and prints its cost.
/// </summary>
public sealed class CliCostLedgerTests
{
    [Fact]
    public async Task Exec_on_the_in_process_emulator_writes_no_cost_ledger()
    {
        using var cli = new CliProcess();
        var state = Path.Combine(cli.Root, "state");

        var result = await cli.RunAsync(["exec", "--emulator", "--", "true"], new Dictionary<string, string> { ["XDG_STATE_HOME"] = state });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches("^acode: finished in .+; remote command exited 0; cost \\$", result.Error.TrimEnd().Split('\n')[^1]);
        AssertNoLedger(cli, state);
    }

    [Fact]
    public async Task Exec_against_a_loopback_endpoint_url_writes_no_cost_ledger()
    {
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions
        {
            Settings = new EmulatorSettings { BootDelay = TimeSpan.FromMilliseconds(200), SshDelay = TimeSpan.FromMilliseconds(200), TerminateDelay = TimeSpan.FromMilliseconds(200) },
        });
        using var cli = new CliProcess();
        var state = Path.Combine(cli.Root, "state");
        cli.WriteConfig("ec2Target:\n  region: us-east-1\n  instanceType: t3.micro\n  pollInterval: 200ms\n");
        var environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "test", ["AWS_SECRET_ACCESS_KEY"] = "test", ["XDG_STATE_HOME"] = state };

        var result = await cli.RunAsync(["exec", "--mode", "burst", "--endpoint-url", emulator.ServiceUrl.ToString(), "--", "true"], environment);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches("^acode: finished in .+; remote command exited 0; cost \\$", result.Error.TrimEnd().Split('\n')[^1]);
        AssertNoLedger(cli, state);
    }

    private static void AssertNoLedger(CliProcess cli, string state)
    {
        Assert.False(File.Exists(Path.Combine(state, "acode", Ec2CostLedgerFile.FileName)), "the run wrote the cost ledger under XDG_STATE_HOME");
        Assert.False(File.Exists(Path.Combine(cli.Home, ".local", "state", "acode", Ec2CostLedgerFile.FileName)), "the run wrote the cost ledger under HOME");
    }
}
