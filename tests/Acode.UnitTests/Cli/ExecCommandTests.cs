using Acode.Application.Compute;
using Acode.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace Acode.UnitTests.Cli;

/// <summary>acode exec's pipeline on a fake target: order of steps, streamed output, exit code, teardown on Ctrl-C.</summary>
public sealed class ExecCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("acode-exec-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Runs_prepare_execute_download_teardown_and_returns_the_remote_exit_code()
    {
        var target = new FakeComputeTarget { RemoteExitCode = 7 };

        var (code, output, error) = await RunAsync(target, ["exec", "--mode", "burst", "--region", "us-east-1", "--download", "out/report.xml:report.xml", "--", "make", "test"]);

        Assert.Equal(7, code);
        Assert.Equal(
            ["create ec2", "prepare", "execute make test", $"download out/report.xml -> {Path.Combine(_folder, "report.xml")}", "teardown", "dispose"],
            target.Calls);
        Assert.Equal(_folder, target.Workspace!.LocalRoot);
        Assert.False(target.Workspace.KeepOnTeardown);
        Assert.Equal("hello from the target" + Environment.NewLine, output);
        Assert.Contains("a warning line", error, StringComparison.Ordinal);
        Assert.Contains("remote command exited 7", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_c_during_the_run_still_tears_down_on_a_live_token_and_exits_130()
    {
        using var interrupt = new CancellationTokenSource();
        var target = new FakeComputeTarget { InterruptDuringRun = interrupt };

        var (code, _, error) = await RunAsync(target, ["exec", "--mode", "burst", "--region", "us-east-1", "--", "sleep", "600"], interrupt.Token);

        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Matches(@"acode: interrupted after \d+(\.\d)?m?s \(exit 130\); the remote command did not finish; cost \$0\.0010", error);
        Assert.Equal(["create ec2", "prepare", "execute sleep 600", "teardown", "dispose"], target.Calls);
        Assert.False(target.TeardownTokenWasCancelled);
    }

    [Fact]
    public async Task The_target_s_lifecycle_events_show_as_progress_and_the_last_line_has_time_and_cost()
    {
        var target = new FakeComputeTarget();

        var (code, _, error) = await RunAsync(target, ["exec", "--mode", "burst", "--region", "us-east-1", "--", "uname", "-a"]);

        Assert.Equal(0, code);
        Assert.Contains("acode: launched i-0123456789abcdef0 (t3.medium, on-demand, us-east-1)", error, StringComparison.Ordinal);
        Assert.Contains("acode: i-0123456789abcdef0 ready at 127.0.0.9 after 21s", error, StringComparison.Ordinal);
        Assert.Contains("acode: terminating i-0123456789abcdef0 after 1m15s; cost $0.0010", error, StringComparison.Ordinal);
        var last = error.TrimEnd().Split(Environment.NewLine)[^1];
        Assert.Matches(@"^acode: finished in \d+(\.\d)?m?s; remote command exited 0; cost \$0\.0010$", last);
    }

    [Fact]
    public async Task Keep_is_passed_to_the_workspace()
    {
        var target = new FakeComputeTarget();

        var (code, _, _) = await RunAsync(target, ["exec", "--mode", "burst", "--region", "us-east-1", "--keep", "--", "true"]);

        Assert.Equal(0, code);
        Assert.True(target.Workspace!.KeepOnTeardown);
    }

    [Fact]
    public async Task The_mode_guard_runs_before_the_target_is_created()
    {
        var target = new FakeComputeTarget();

        var (code, _, _) = await RunAsync(target, ["exec", "--region", "us-east-1", "--", "true"]);

        Assert.Equal(ExitCodes.ModeViolation, code);
        Assert.Empty(target.Calls);
    }

    private Task<(int ExitCode, string Out, string Error)> RunAsync(FakeComputeTarget target, string[] args, CancellationToken cancellationToken = default) =>
        InProcessCli.RunAsync(
            args,
            services: s => s.AddSingleton<IComputeTargetFactory>(sp =>
            {
                target.Events = sp.GetRequiredService<IEventPublisher>();
                return target.Factory();
            }),
            workingDirectory: _folder,
            cancellationToken: cancellationToken);
}
