using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Acode.Cli;
using Acode.Ec2Emulator;
using Acode.Ec2Emulator.Control;
using Emulator = Acode.Ec2Emulator.Ec2Emulator;

namespace Acode.IntegrationTests.Cli;

/// <summary>
/// One test per row of the exit-code table (docs/cli.md, <c>ExitCodes</c>), each through the real acode process:
/// against an emulator this test starts (<c>--endpoint-url</c>) or acode's in-process one (<c>--emulator</c>).
/// </summary>
public sealed partial class CliExitCodeTests
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private static readonly Dictionary<string, string> Credentials = new() { ["AWS_ACCESS_KEY_ID"] = "test", ["AWS_SECRET_ACCESS_KEY"] = "test" };

    public static TheoryData<string[]> CredentialCommands => new()
    {
        { ["target", "ec2", "list"] },
        { ["exec", "--", "true"] },
        { ["target", "ec2", "cleanup"] },
        { ["target", "ec2", "stop", "i-0123456789abcdef0"] },
        { ["target", "ec2", "terminate", "i-0123456789abcdef0"] },
    };

    [Fact]
    public async Task Success_is_0_and_exec_names_the_remote_code()
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync("exec", "--emulator", "--", "true");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches("^acode: finished in .+; remote command exited 0", LastLine(result));
    }

    [Fact]
    public async Task Another_failure_is_1()
    {
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions { StartMachines = false });
        using var cli = new CliProcess();

        // target test reports a refused key as a failed check, not as an exception.
        var result = await cli.RunAsync(Args(emulator, "target", "test", "ec2", "--dry-run"), WrongSecret);

        Assert.True(result.ExitCode == 1, result.ToString());
    }

    [Fact]
    public async Task A_remote_exit_2_and_acode_s_usage_error_2_are_told_apart_by_the_last_line()
    {
        using var cli = new CliProcess();

        var remote = await cli.RunAsync("exec", "--emulator", "--", "exit 2");
        var usage = await cli.RunAsync("exec", "--emulator", "--upload", "does-not-exist", "--", "true");

        Assert.True(remote.ExitCode == 2, remote.ToString());
        Assert.Matches("^acode: finished in .+; remote command exited 2", LastLine(remote));
        Assert.True(usage.ExitCode == ExitCodes.Usage, usage.ToString());
        Assert.DoesNotContain("remote command exited", usage.Error, StringComparison.Ordinal);
        Assert.Contains("--upload", usage.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mode_violation_is_3()
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync("target", "ec2", "list", "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:9");

        Assert.True(result.ExitCode == ExitCodes.ModeViolation, result.ToString());
    }

    [Theory]
    [MemberData(nameof(CredentialCommands))]
    public async Task A_refused_secret_is_4_for_every_command(string[] command)
    {
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions { StartMachines = false });
        using var cli = new CliProcess();

        var result = await cli.RunAsync(Args(emulator, command), WrongSecret);

        Assert.True(result.ExitCode == ExitCodes.Credentials, result.ToString());
        Assert.DoesNotContain("wrong-secret", result.ToString(), StringComparison.Ordinal);
        if (command[0] == "exec")
        {
            Assert.Matches(@"acode failed after .+ \(exit 4", result.Error);
        }
    }

    [Fact]
    public async Task A_launch_without_capacity_is_5()
    {
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions { StartMachines = false });
        emulator.InjectFault(new FaultRule { Action = "RunInstances", Code = "InsufficientInstanceCapacity", Rate = 1.0 });
        using var cli = new CliProcess();

        var result = await cli.RunAsync(Args(emulator, "exec", "--", "true"), Credentials);

        Assert.True(result.ExitCode == ExitCodes.CapacityOrLaunch, result.ToString());
        Assert.Matches(@"acode failed after .+ \(exit 5", result.Error);
    }

    [Fact]
    public async Task A_wait_that_times_out_is_6()
    {
        // No machines: the instance runs but nothing answers SSH, so the SSH readiness wait times out.
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions { StartMachines = false, Settings = new EmulatorSettings { BootDelay = TimeSpan.Zero } });
        using var cli = new CliProcess();
        cli.WriteConfig("ec2Target:\n  region: us-east-1\n  pollInterval: 200ms\n  sshReadyTimeout: 3s\n");

        var result = await cli.RunAsync(Args(emulator, "exec", "--", "true"), Credentials);

        Assert.True(result.ExitCode == ExitCodes.Timeout, result.ToString());
        Assert.Matches(@"acode failed after .+ \(exit 6", result.Error);
    }

    [Theory]
    [InlineData(SigInt, ExitCodes.Interrupted)]
    [InlineData(SigTerm, ExitCodes.Terminated)]
    public async Task A_signal_during_exec_emulator_tears_down_then_exits_128_plus_the_signal(int signal, int expected)
    {
        using var cli = new CliProcess();
        using var process = cli.Start("exec", "--emulator", "--", "sleep 120");
        var (error, instanceId) = await RunUntilAsync(process, "acode: running ");

        Assert.Equal(0, Kill(process.Id, signal));
        var (code, rest) = await WaitForExitAsync(process);
        var text = error + rest;

        Assert.True(code == expected, $"exit {code}\n{text}");
        Assert.Contains($"acode: terminating {instanceId}", text, StringComparison.Ordinal);
        Assert.Matches($@"acode: interrupted after .+ \(exit {expected}\)", text);
        Assert.Empty(CliExecEmulatorTests.ProcessesOf(instanceId));
    }

    [Fact]
    public async Task A_second_ctrl_c_leaves_at_once_and_names_what_may_remain()
    {
        // Slow termination keeps the first Ctrl-C's teardown busy (the security group waits for the instance).
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions { StartMachines = false, Settings = new EmulatorSettings { BootDelay = TimeSpan.FromSeconds(60), TerminateDelay = TimeSpan.FromSeconds(60) } });
        using var cli = new CliProcess();
        cli.WriteConfig("ec2Target:\n  region: us-east-1\n  pollInterval: 200ms\n");
        using var process = cli.Start([.. Args(emulator, "exec", "--", "true")], Credentials);
        var (error, instanceId) = await RunUntilAsync(process, "launched ");

        Assert.Equal(0, Kill(process.Id, SigInt));
        await WaitForLineAsync(process, error, "acode: tearing down");
        Assert.Equal(0, Kill(process.Id, SigInt));
        var (code, rest) = await WaitForExitAsync(process);
        var text = error + rest;

        Assert.True(code == ExitCodes.Interrupted, $"exit {code}\n{text}");
        Assert.Contains("interrupted again", text, StringComparison.Ordinal);
        Assert.Matches($"may remain: .*{instanceId}", text);
    }

    private static Dictionary<string, string> WrongSecret => new() { ["AWS_ACCESS_KEY_ID"] = "test", ["AWS_SECRET_ACCESS_KEY"] = "wrong-secret" };

    private static string[] Args(Emulator emulator, params string[] command)
    {
        // Flags go before "--", which ends acode's own.
        var split = Array.IndexOf(command, "--");
        string[] flags = ["--mode", "burst", "--endpoint-url", emulator.ServiceUrl.ToString(), "--region", emulator.Region];
        return split < 0 ? [.. command, .. flags] : [.. command[..split], .. flags, .. command[split..]];
    }

    private static string LastLine(CliResult result) => result.Error.TrimEnd().Split('\n')[^1];

    // Reads stderr until a line starting with "acode: " holds <paramref name="marker"/>; returns what was read and the instance id.
    private static async Task<(StringBuilder Error, string InstanceId)> RunUntilAsync(Process process, string marker)
    {
        var error = new StringBuilder();
        await WaitForLineAsync(process, error, marker);
        var instanceId = Launched().Match(error.ToString()).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(instanceId), error.ToString());
        return (error, instanceId);
    }

    private static async Task WaitForLineAsync(Process process, StringBuilder error, string marker)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            var line = await process.StandardError.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException($"acode exited before '{marker}':\n{error}");
            error.AppendLine(line);
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                return;
            }
        }
    }

    private static async Task<(int Code, string Remaining)> WaitForExitAsync(Process process)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            var rest = await process.StandardError.ReadToEndAsync(deadline.Token);
            await process.WaitForExitAsync(deadline.Token);
            return (process.ExitCode, rest);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [GeneratedRegex("launched (i-[0-9a-f]+)")]
    private static partial Regex Launched();
}
