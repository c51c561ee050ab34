using System.Text;
using Acode.IntegrationTests.Fixtures;

namespace Acode.IntegrationTests.Ssh;

public sealed class SshExecuteTests : IClassFixture<SshServerFixture>
{
    private readonly SshServerFixture _fixture;

    public SshExecuteTests(SshServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Reports_exit_code_stdout_and_stderr_separately()
    {
        await using var target = await SshTestTarget.PreparedAsync(_fixture.Configuration());

        var result = await target.ExecuteAsync("echo out; echo err >&2; exit 3");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("out\n", result.Stdout);
        Assert.Equal("err\n", result.Stderr);
        Assert.False(result.TimedOut);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Runs_as_the_test_user_in_the_workspace_and_feeds_stdin()
    {
        await using var target = await SshTestTarget.PreparedAsync(_fixture.Configuration());

        var result = await target.ExecuteAsync("id -un; pwd; cat", new() { StandardInput = "from stdin" });

        Assert.Equal($"{_fixture.Server.User}\n{target.RemoteRoot}\nfrom stdin", result.Stdout);
        Assert.StartsWith(_fixture.Server.Home + "/", target.RemoteRoot, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streams_lines_to_callbacks_as_they_arrive()
    {
        await using var target = await SshTestTarget.PreparedAsync(_fixture.Configuration());
        var stdout = new List<string>();
        var stderr = new List<string>();

        var result = await target.ExecuteAsync("for i in 1 2 3; do echo line$i; done; echo oops >&2", new()
        {
            OnStdoutLine = stdout.Add,
            OnStderrLine = stderr.Add,
        });

        Assert.Equal(["line1", "line2", "line3"], stdout);
        Assert.Equal(["oops"], stderr);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task A_100_MB_output_is_streamed_and_only_its_tail_is_kept()
    {
        await using var target = await SshTestTarget.PreparedAsync(_fixture.Configuration());
        long lines = 0;
        long chars = 0;

        // 1,600,000 lines of 64 characters (63 + newline) = 102.4 MB.
        var result = await target.ExecuteAsync(
            "yes 012345678901234567890123456789012345678901234567890123456789012 | head -n 1600000; echo END",
            new() { OnStdoutLine = line => { lines++; chars += line.Length + 1; }, MaxCapturedChars = 1024 * 1024 });

        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal(1_600_001, lines);
        Assert.Equal((1_600_000 * 64) + 4, chars);
        Assert.True(result.StdoutTruncated);
        Assert.Equal(1024 * 1024, result.Stdout.Length);
        Assert.EndsWith("012\nEND\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_environment_values_and_working_directory_are_passed_literally()
    {
        await using var target = await SshTestTarget.PreparedAsync(_fixture.Configuration());
        const string hostile = "it's \"$(touch /tmp/acode-pwned)\" `id` $HOME ; rm -rf / \\ \n next";
        var folder = $"dir with 'quotes' and $(echo x) {Guid.NewGuid():N}";
        await target.ExecuteAsync("mkdir -p -- \"$D\"", new() { Environment = new Dictionary<string, string> { ["D"] = folder } });

        var result = await target.ExecuteAsync("printf '%s' \"$HOSTILE\"; printf '|%s' \"$(basename \"$PWD\")\"", new()
        {
            WorkingDirectory = folder,
            Environment = new Dictionary<string, string> { ["HOSTILE"] = hostile },
        });

        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal(hostile + "|" + folder, result.Stdout);
        Assert.False(File.Exists("/tmp/acode-pwned"));
    }

    [Fact]
    public async Task Timeout_stops_the_remote_process_tree()
    {
        await using var target = await SshTestTarget.PreparedAsync(_fixture.Configuration());
        var marker = "acode-timeout-" + Guid.NewGuid().ToString("N");

        var result = await target.ExecuteAsync($"sh -c 'sleep 300; echo {marker}' & sleep 301 # {marker}", new() { Timeout = TimeSpan.FromSeconds(1) });

        Assert.True(result.TimedOut);
        Assert.False(result.Succeeded);
        await AssertGoneAsync(target, marker);
    }

    [Fact]
    public async Task Cancellation_stops_the_remote_process_tree_and_throws()
    {
        await using var target = await SshTestTarget.PreparedAsync(_fixture.Configuration());
        var marker = "acode-cancel-" + Guid.NewGuid().ToString("N");
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource();

        var run = target.ExecuteAsync($"echo started; sleep 300 # {marker}", new() { OnStdoutLine = _ => started.TrySetResult() }, cts.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        await AssertGoneAsync(target, marker);
    }

    private static async Task AssertGoneAsync(Acode.Infrastructure.Compute.Ssh.SshComputeTarget target, string marker)
    {
        // pgrep -f matches its own shell's command line too, hence the [x] trick on the first letter.
        var pattern = "[" + marker[0] + "]" + marker[1..];
        var check = await target.ExecuteAsync($"pgrep -f '{pattern}' || echo none");
        Assert.Equal("none\n", check.Stdout);
    }
}
