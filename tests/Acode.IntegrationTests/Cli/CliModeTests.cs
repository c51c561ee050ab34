namespace Acode.IntegrationTests.Cli;

/// <summary>The mode guard runs before anything could reach AWS; local-only and airgapped exit 3 naming the mode and the opt-in.</summary>
public sealed class CliModeTests
{
    [Theory]
    [InlineData("target", "ec2", "list")]
    [InlineData("target", "ec2", "cleanup", "--yes")]
    [InlineData("target", "ec2", "terminate", "i-0123456789abcdef0")]
    [InlineData("target", "test", "ec2", "--dry-run")]
    [InlineData("exec", "--", "uname", "-a")]
    public async Task Cloud_commands_in_the_default_local_only_mode_exit_3(params string[] args)
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync(args);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("local-only", result.Error, StringComparison.Ordinal);
        Assert.Contains("--mode burst", result.Error, StringComparison.Ordinal);
        Assert.Contains("mode: burst", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Airgapped_from_the_config_file_or_the_environment_exits_3()
    {
        using var cli = new CliProcess();
        cli.WriteConfig("mode: airgapped\nec2Target:\n  region: us-east-1\n");

        var fromFile = await cli.RunAsync("target", "ec2", "list");
        // An empty file holds no settings, so the mode comes from the environment alone.
        File.WriteAllText(Path.Combine(cli.WorkingDirectory, "empty.yml"), string.Empty);
        var fromEnvironment = await cli.RunAsync(["target", "ec2", "list", "--config", "empty.yml"], new Dictionary<string, string> { ["ACODE_MODE"] = "airgapped" });

        Assert.True(fromFile.ExitCode == 3, fromFile.ToString());
        Assert.Contains("airgapped", fromFile.Error, StringComparison.Ordinal);
        Assert.True(fromEnvironment.ExitCode == 3, fromEnvironment.ToString());
        Assert.Contains("airgapped", fromEnvironment.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Burst_mode_passes_the_guard_and_then_needs_credentials()
    {
        using var cli = new CliProcess();

        // No AWS_* variables, no shared files, IMDS disabled: past the guard the credential chain finds nothing (exit 4).
        var result = await cli.RunAsync("target", "ec2", "list", "--mode", "burst", "--region", "us-east-1");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.DoesNotContain("blocked", result.Error, StringComparison.Ordinal);
        Assert.Contains("AWS_ACCESS_KEY_ID", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emulator_is_allowed_in_local_only_mode()
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync("exec", "--emulator", "--", "uname", "-s");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Linux", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offline_commands_work_in_every_mode()
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync("target", "ec2", "cost", "--instance-type", "t3.micro", "--mode", "airgapped");

        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
