using System.Text.RegularExpressions;

namespace Acode.IntegrationTests.Cli;

/// <summary>
/// <c>acode exec --emulator --region R</c> as a separate process in regions outside the offline catalogue: the run
/// launches in R, tears down, leaves no machine process, and its summary shows a real cost from the live Price List or
/// "cost unknown", never $0 and never a crash.
/// </summary>
public sealed partial class CliExecRegionTests
{
    [Theory]
    [InlineData("eu-central-1", "cost \\$0\\.0\\d*[1-9]")]
    [InlineData("ap-south-1", "cost \\$0\\.0\\d*[1-9]")]
    [InlineData("sa-east-1", "cost unknown")]
    public async Task Exec_runs_and_tears_down_in_the_region_with_a_real_or_unknown_cost(string region, string cost)
    {
        using var cli = new CliProcess();
        await File.WriteAllTextAsync(Path.Combine(cli.WorkingDirectory, "input.txt"), "x\n");

        var result = await cli.RunAsync("exec", "--emulator", "--region", region, "--", "cat input.txt");

        Assert.True(result.ExitCode == 0, result.ToString());
        var launched = Launched().Match(result.Error);
        Assert.True(launched.Success, result.ToString());
        Assert.Equal(region, launched.Groups[2].Value);
        var instanceId = launched.Groups[1].Value;
        Assert.Matches($"acode: terminating {instanceId} after .+; {cost}", result.Error);
        Assert.Matches($"^acode: finished in .+; remote command exited 0; {cost}", result.Error.TrimEnd().Split('\n')[^1]);
        Assert.DoesNotContain("$0.0000", result.Error, StringComparison.Ordinal);
        Assert.Empty(CliExecEmulatorTests.ProcessesOf(instanceId));
    }

    [GeneratedRegex(@"launched (i-[0-9a-f]+) \(t3\.medium, on-demand, ([a-z0-9-]+)\)")]
    private static partial Regex Launched();
}
