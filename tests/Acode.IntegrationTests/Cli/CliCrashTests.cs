using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Acode.IntegrationTests.Cli;

/// <summary>
/// <c>acode exec --emulator</c> killed with SIGKILL, where no handler runs: the in-process emulator's machines (sshd,
/// sessions, the dead-man loop of user data) die with it by way of its watchdog, and its work folder goes too (by the
/// watchdog, or by the next start when the watchdog was killed as well).
/// </summary>
public sealed partial class CliCrashTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    // A killed runtime cannot remove its diagnostic socket from the temp folder: make none.
    private static readonly Dictionary<string, string> NoDiagnostics = new() { ["DOTNET_EnableDiagnostics"] = "0" };

    [Fact]
    public async Task Sigkill_mid_run_leaves_no_process_and_no_folder_of_the_emulator()
    {
        using var cli = new CliProcess();
        using var process = cli.Start(["exec", "--emulator", "--", "sleep 300"], NoDiagnostics);
        var instanceId = await WaitForRunningAsync(process);
        var root = WorkRootOf(process.Id);
        Assert.NotEmpty(CliExecEmulatorTests.ProcessesOf(instanceId));
        Assert.NotEmpty(CommandLinesUnder(root));

        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();

        var left = await WaitUntilAsync<int>(() => [.. CliExecEmulatorTests.ProcessesOf(instanceId), .. CommandLinesUnder(root)]);
        Assert.True(left.Count == 0, $"still running after SIGKILL: {string.Join(", ", left)}");
        var folderGone = await WaitUntilAsync<string>(() => Directory.Exists(root) ? [root] : []);
        Assert.Empty(folderGone);
    }

    [Fact]
    public async Task The_next_start_removes_the_folder_of_an_emulator_killed_with_its_watchdog()
    {
        using var cli = new CliProcess();
        using var process = cli.Start(["exec", "--emulator", "--", "sleep 300"], NoDiagnostics);
        var instanceId = await WaitForRunningAsync(process);
        var root = WorkRootOf(process.Id);
        var watchdog = Assert.Single(ChildrenOf(process.Id), pid => CommandLine(pid).Contains("acode-emulator-watchdog", StringComparison.Ordinal));

        // Both at once, as a kill of everything would: nobody is left to clean up, so this test does it.
        Process.GetProcessById(watchdog).Kill();
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
        foreach (var pid in CliExecEmulatorTests.ProcessesOf(instanceId).Concat(CommandLinesUnder(root)))
        {
            KillQuietly(pid);
        }

        Assert.True(Directory.Exists(root));
        var next = await cli.RunAsync("exec", "--emulator", "--", "true");

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.False(Directory.Exists(root), $"{root} is still there after the next start");
    }

    [Fact]
    public async Task A_folder_whose_owner_still_runs_is_kept()
    {
        var live = Path.Combine(Path.GetTempPath(), "acode-emulator-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(live);
        try
        {
            // This test process is the owner: alive, with its own start time.
            var stat = await File.ReadAllTextAsync("/proc/self/stat");
            var startTime = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
            await File.WriteAllTextAsync(Path.Combine(live, ".owner"), $"{Environment.ProcessId} {startTime}\n");
            using var cli = new CliProcess();

            var next = await cli.RunAsync("exec", "--emulator", "--", "true");

            Assert.True(next.ExitCode == 0, next.ToString());
            Assert.True(Directory.Exists(live));
        }
        finally
        {
            Directory.Delete(live, recursive: true);
        }
    }

    private static async Task<string> WaitForRunningAsync(Process process)
    {
        var error = new StringBuilder();
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            var line = await process.StandardError.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException("acode exited early:\n" + error);
            error.AppendLine(line);
            if (line.StartsWith("acode: running ", StringComparison.Ordinal))
            {
                // Keep draining stderr so that acode never blocks on a full pipe.
                _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                return Launched().Match(error.ToString()).Groups[1].Value;
            }
        }
    }

    // The emulator's work root names its owner, this acode process, in .owner.
    private static string WorkRootOf(int pid) =>
        Directory.EnumerateDirectories(Path.GetTempPath(), "acode-emulator-*")
            .Single(d => File.Exists(Path.Combine(d, ".owner")) && File.ReadAllText(Path.Combine(d, ".owner")).StartsWith($"{pid} ", StringComparison.Ordinal));

    // sshd rewrites its title over its environment; its command line still names its config under the work root.
    private static List<int> CommandLinesUnder(string root) =>
        [.. Pids().Where(pid => pid != Environment.ProcessId && CommandLine(pid).Contains(root + "/", StringComparison.Ordinal))];

    private static List<int> ChildrenOf(int parent) => [.. Pids().Where(pid => Parent(pid) == parent)];

    private static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : -1).Where(pid => pid > 0);

    private static string CommandLine(int pid) => Read($"/proc/{pid}/cmdline").Replace('\0', ' ');

    private static int Parent(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        return stat.Length == 0 ? -1 : int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static void KillQuietly(int pid)
    {
        try
        {
            Process.GetProcessById(pid).Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Gone already.
        }
    }

    private static async Task<List<T>> WaitUntilAsync<T>(Func<List<T>> remaining)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        var left = remaining();
        while (left.Count > 0 && TimeProvider.System.GetElapsedTime(deadline) < Deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
            left = remaining();
        }

        return left;
    }

    [GeneratedRegex("launched (i-[0-9a-f]+)")]
    private static partial Regex Launched();
}
