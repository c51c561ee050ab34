using System.Text.Json;
using Acode.Cli;

namespace Acode.UnitTests.Cli;

/// <summary>The command tree parsed in-process: usage errors are exit 2 naming the flag; precedence of flags over environment.</summary>
public sealed class CommandLineParsingTests
{
    [Theory]
    [InlineData(new[] { "tagret" }, "tagret")]
    [InlineData(new[] { "--output", "xml", "target", "list" }, "xml")]
    [InlineData(new[] { "--mode", "cloud", "target", "list" }, "cloud")]
    [InlineData(new[] { "target", "ec2", "cost", "--hours", "soon" }, "--hours")]
    [InlineData(new[] { "target", "ec2", "cost", "--hours", "0" }, "--hours")]
    [InlineData(new[] { "target", "ec2", "recommend", "--memory", "4" }, "--cpus")]
    [InlineData(new[] { "target", "ec2", "recommend", "--cpus", "0", "--memory", "4" }, "--cpus")]
    [InlineData(new[] { "target", "ec2", "cleanup", "--older-than", "5x" }, "--older-than")]
    [InlineData(new[] { "target", "ec2", "stop", "i-123" }, "instance-id")]
    [InlineData(new[] { "exec", "--target", "lambda", "--", "ls" }, "lambda")]
    [InlineData(new[] { "exec" }, "command")]
    [InlineData(new[] { "target", "ec2", "cost", "--endpoint-url", "http://[::1" }, "--endpoint-url")]
    public async Task Usage_errors_are_exit_2_and_name_the_flag(string[] args, string named)
    {
        var (code, _, error) = await InProcessCli.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_wins_over_missing_required_options()
    {
        var (code, output, _) = await InProcessCli.RunAsync(["target", "ec2", "recommend", "--help"]);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("acode target ec2 recommend --cpus 4 --memory 16", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_region_flag_wins_over_the_environment()
    {
        var environment = new Dictionary<string, string?> { ["ACODE_EC2_REGION"] = "eu-west-1", ["AWS_REGION"] = "us-east-2" };

        var fromFlag = await CostRegionAsync(["--region", "us-west-2"], environment);
        var fromAcodeVariable = await CostRegionAsync([], environment);
        var fromAwsVariable = await CostRegionAsync([], new Dictionary<string, string?> { ["AWS_REGION"] = "us-east-2" });

        Assert.Equal(("us-west-2", 0.0416m), fromFlag);
        Assert.Equal(("eu-west-1", 0.0456m), fromAcodeVariable);
        Assert.Equal(("us-east-2", 0.0416m), fromAwsVariable);
    }

    [Fact]
    public async Task The_mode_flag_wins_over_ACODE_MODE()
    {
        var environment = new Dictionary<string, string?> { ["ACODE_MODE"] = "burst" };

        var (blocked, _, error) = await InProcessCli.RunAsync(["target", "ec2", "list", "--mode", "airgapped"], environment);
        var (allowed, _, _) = await InProcessCli.RunAsync(["target", "ec2", "list", "--region", "us-east-1"], environment);

        Assert.Equal(ExitCodes.ModeViolation, blocked);
        Assert.Contains("airgapped", error, StringComparison.Ordinal);
        Assert.NotEqual(ExitCodes.ModeViolation, allowed);
    }

    [Fact]
    public async Task Errors_never_show_a_secret_even_with_verbose()
    {
        const string secret = "s3cr3tPassw0rd";

        // A URL with a password is kept (as a relative URI) and reported by the validator, password and all, unless redacted.
        var (code, _, error) = await InProcessCli.RunAsync(["target", "ec2", "cost", "--verbose", "--endpoint-url", $"ftp://user:{secret}@example.com"]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("endpointUrl", error, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error, StringComparison.Ordinal);
    }

    private static async Task<(string Region, decimal Rate)> CostRegionAsync(string[] extra, IReadOnlyDictionary<string, string?> environment)
    {
        var (code, output, error) = await InProcessCli.RunAsync(["target", "ec2", "cost", "--instance-type", "t3.medium", "--output", "json", .. extra], environment);
        Assert.True(code == ExitCodes.Success, error);
        using var json = JsonDocument.Parse(output);
        return (json.RootElement.GetProperty("region").GetString()!, json.RootElement.GetProperty("instanceHourlyRate").GetDecimal());
    }
}
