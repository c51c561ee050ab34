using System.Text.Json;
using Acode.Application.Compute.Ec2;
using Acode.Cli;
using Acode.Domain.Compute.Ec2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Acode.UnitTests.Cli;

/// <summary><c>target ec2 list|stop|start|terminate</c> over the service seams the EC2 target fills (cleanup: CliEc2CleanupTests).</summary>
public sealed class Ec2InstanceCommandsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly FakeEc2Instances _ec2 = new();

    public Ec2InstanceCommandsTests()
    {
        _ec2.Instances.Add(Instance("i-0aaaaaaaaaaaaaaa1", TimeSpan.FromHours(3), "203.0.113.10"));
        _ec2.Instances.Add(Instance("i-0aaaaaaaaaaaaaaa2", TimeSpan.FromMinutes(10), "203.0.113.11"));
    }

    [Fact]
    public async Task List_shows_rate_cost_so_far_and_the_orphan_flag()
    {
        var (code, output, error) = await RunAsync("target", "ec2", "list", "--output", "json");

        Assert.True(code == ExitCodes.Success, error);
        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("instanceId").GetString()!);
        var old = rows["i-0aaaaaaaaaaaaaaa1"];
        Assert.True(old.GetProperty("orphan").GetBoolean());
        Assert.False(rows["i-0aaaaaaaaaaaaaaa2"].GetProperty("orphan").GetBoolean());
        Assert.Equal(10800, old.GetProperty("ageSeconds").GetDouble());
        Assert.Equal("running", old.GetProperty("state").GetString());

        // 3 h of t3.medium + 20 GiB gp3 + one public IPv4 in us-east-1.
        Assert.Equal(Math.Round(3m * (0.0416m + 0.005m + (20m * 0.08m / 730m)), 8), Math.Round(old.GetProperty("costSoFar").GetDecimal(), 8));
        Assert.Equal(["list us-east-1"], _ec2.Calls);
    }

    [Theory]
    [InlineData("stop", "stopping")]
    [InlineData("start", "pending")]
    [InlineData("terminate", "shutting-down")]
    public async Task Instance_actions_report_the_state_after(string verb, string state)
    {
        var (code, output, _) = await RunAsync("target", "ec2", verb, "i-0aaaaaaaaaaaaaaa2");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal($"i-0aaaaaaaaaaaaaaa2: {verb} requested; state now {state}.", output.TrimEnd());
        Assert.Equal([$"{verb} i-0aaaaaaaaaaaaaaa2"], _ec2.Calls);
    }

    [Theory]
    [InlineData("stop")]
    [InlineData("start")]
    [InlineData("terminate")]
    public async Task An_instance_acode_did_not_tag_is_refused_unless_forced(string verb)
    {
        _ec2.Instances.Add(Instance("i-0bbbbbbbbbbbbbbb1", TimeSpan.FromHours(1), "203.0.113.12") with { Tags = new Dictionary<string, string> { ["Name"] = "theirs" } });

        var (refused, _, error) = await RunAsync("target", "ec2", verb, "i-0bbbbbbbbbbbbbbb1");
        var callsAfterRefusal = _ec2.Calls.ToList();
        var (forced, output, _) = await RunAsync("target", "ec2", verb, "i-0bbbbbbbbbbbbbbb1", "--force");

        Assert.Equal(ExitCodes.Failure, refused);
        Assert.Contains("not tagged acode=true", error, StringComparison.Ordinal);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Empty(callsAfterRefusal);
        Assert.Equal(ExitCodes.Success, forced);
        Assert.StartsWith($"i-0bbbbbbbbbbbbbbb1: {verb} requested", output, StringComparison.Ordinal);
        Assert.Equal([$"{verb} i-0bbbbbbbbbbbbbbb1"], _ec2.Calls);
    }

    [Fact]
    public async Task An_instance_that_does_not_exist_is_a_failure_that_says_so()
    {
        var (code, output, error) = await RunAsync("target", "ec2", "stop", "i-0123456789abcdef0");

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Empty(output);
        Assert.Contains("no instance i-0123456789abcdef0 in us-east-1", error, StringComparison.Ordinal);
        Assert.Empty(_ec2.Calls);
    }

    [Fact]
    public async Task Without_burst_mode_the_services_are_never_called()
    {
        var (code, _, _) = await InProcessCli.RunAsync(["target", "ec2", "terminate", "i-0aaaaaaaaaaaaaaa2", "--region", "us-east-1"], services: Register, time: _time);

        Assert.Equal(ExitCodes.ModeViolation, code);
        Assert.Empty(_ec2.Calls);
    }

    private Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) =>
        InProcessCli.RunAsync([.. args, "--mode", "burst", "--region", "us-east-1"], services: Register, time: _time);

    private void Register(IServiceCollection services)
    {
        services.AddSingleton<IEc2InstanceManager>(_ec2);
    }

    private static Ec2InstanceInfo Instance(string id, TimeSpan age, string address) => new()
    {
        InstanceId = id,
        InstanceType = "t3.medium",
        Region = "us-east-1",
        State = Ec2InstanceState.Running,
        LaunchTime = Now - age,
        PublicIp = address,
        RootVolumeSizeGb = 20,
        Tags = new Dictionary<string, string> { ["acode"] = "true" },
    };
}
