using System.Diagnostics;
using System.Runtime.Versioning;
using Acode.Infrastructure.Compute.Ec2.UserData;

namespace Acode.IntegrationTests.Ec2;

/// <summary>
/// Runs the generated dead-man switch with the real bash, with shims for shutdown/poweroff/sudo first on PATH (as the
/// emulator does), short timeouts, and a real heartbeat command.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DeadManSwitchScriptTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private readonly string _folder = Directory.CreateTempSubdirectory("acode-deadman-").FullName;
    private string Calls => Path.Combine(_folder, "calls");

    public Task InitializeAsync()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_folder, "bin")).FullName;
        WriteShim(Path.Combine(bin, "shutdown"), $"#!/bin/sh\necho \"shutdown $*\" >> '{Calls}'\n");
        WriteShim(Path.Combine(bin, "poweroff"), $"#!/bin/sh\necho \"poweroff $*\" >> '{Calls}'\n");
        WriteShim(Path.Combine(bin, "sudo"), "#!/bin/sh\n[ \"$1\" = -n ] && shift\nexec \"$@\"\n");
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Without_heartbeats_it_shuts_down_after_the_timeout()
    {
        var options = Options(TimeSpan.FromMinutes(10));
        var started = Stopwatch.StartNew();

        await LaunchAsync(options);

        Assert.True(await WaitUntilAsync(() => File.Exists(Calls), TimeSpan.FromSeconds(15)), "the switch never fired");
        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(1), $"fired too early, after {started.Elapsed}");
        Assert.Equal("shutdown -h now", (await File.ReadAllTextAsync(Calls)).Trim());
    }

    [Fact]
    public async Task Heartbeats_hold_it_off_and_it_fires_once_they_stop()
    {
        var options = Options(TimeSpan.FromMinutes(10));
        await LaunchAsync(options);

        // Heartbeat for three timeouts with the real client command: the switch must stay quiet throughout.
        var heartbeating = Stopwatch.StartNew();
        while (heartbeating.Elapsed < 3 * Timeout)
        {
            await RunBashAsync(HeartbeatCommand.For(options));
            Assert.False(File.Exists(Calls), $"fired after {heartbeating.Elapsed} despite heartbeats");
            await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System, CancellationToken.None);
        }

        var stopped = Stopwatch.StartNew();
        Assert.True(await WaitUntilAsync(() => File.Exists(Calls), TimeSpan.FromSeconds(15)), "the switch never fired after heartbeats stopped");
        Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(5), $"fired late, {stopped.Elapsed} after the last heartbeat");
    }

    [Fact]
    public async Task The_maximum_lifetime_fires_even_with_heartbeats()
    {
        var options = Options(TimeSpan.FromSeconds(3));
        var started = Stopwatch.StartNew();
        await LaunchAsync(options);

        var fired = await WaitUntilAsync(
            async () =>
            {
                await RunBashAsync(HeartbeatCommand.For(options));
                return File.Exists(Calls);
            },
            TimeSpan.FromSeconds(15));

        Assert.True(fired, "the hard cap never fired");
        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(2), $"fired too early, after {started.Elapsed}");
    }

    public Task DisposeAsync()
    {
        // The watcher runs detached in its own session: end it by PID (found by this test's unique folder).
        foreach (var pid in WatcherPids())
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // Already exited.
            }
        }

        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private static void WriteShim(string path, string text)
    {
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan deadline) =>
        await WaitUntilAsync(() => Task.FromResult(condition()), deadline);

    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, CancellationToken.None);
        }

        return await condition();
    }

    private DeadManSwitchOptions Options(TimeSpan maxLifetime) =>
        new("it-" + Path.GetFileName(_folder), maxLifetime, Timeout) { HeartbeatFilePath = Path.Combine(_folder, "heartbeat") };

    private async Task LaunchAsync(DeadManSwitchOptions options)
    {
        var script = Path.Combine(_folder, "user-data.sh");
        await File.WriteAllTextAsync(script, DeadManSwitchScript.Build(options));

        // Like cloud-init: run it, capture its output through pipes and wait. It must return at once and must not
        // keep the pipes open through the detached watcher (reading to the end would hang).
        var launch = Stopwatch.StartNew();
        var (exitCode, output) = await RunAsync("bash", script);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.True(launch.Elapsed < TimeSpan.FromSeconds(5), $"the user-data script took {launch.Elapsed}");
        Assert.True(await WaitUntilAsync(() => WatcherPids().Count > 0, TimeSpan.FromSeconds(5)), "no watcher process is running");
    }

    private async Task RunBashAsync(string command)
    {
        var (exitCode, output) = await RunAsync("bash", "-c", command);
        Assert.True(exitCode == 0, output);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = Path.Combine(_folder, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private List<int> WatcherPids()
    {
        var pids = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(entry, "cmdline"));
                if (commandLine.Contains("acode-deadman", StringComparison.Ordinal) && commandLine.Contains(_folder, StringComparison.Ordinal))
                {
                    pids.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's process: not ours.
            }
        }

        return pids;
    }
}
