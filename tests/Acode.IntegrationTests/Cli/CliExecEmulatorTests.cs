using System.Text.RegularExpressions;

namespace Acode.IntegrationTests.Cli;

/// <summary><c>acode exec --emulator</c>, the README's main job, as a separate process: the whole run on an in-process emulator.</summary>
public sealed partial class CliExecEmulatorTests
{
    [Fact]
    public async Task Uploads_streams_downloads_propagates_the_exit_code_and_leaves_nothing_running()
    {
        using var cli = new CliProcess();
        await File.WriteAllTextAsync(Path.Combine(cli.WorkingDirectory, "input.txt"), "hello-upload\n");

        var result = await cli.RunAsync(
            "exec", "--emulator", "--download", "out/result.txt:./result.txt", "--",
            "cat input.txt; mkdir -p out; echo from-remote > out/result.txt; echo err-line >&2; exit 7");

        Assert.True(result.ExitCode == 7, result.ToString());
        Assert.Contains("hello-upload", result.Out, StringComparison.Ordinal);
        Assert.Contains("err-line", result.Error, StringComparison.Ordinal);
        Assert.Equal("from-remote\n", await File.ReadAllTextAsync(Path.Combine(cli.WorkingDirectory, "result.txt")));
        var instanceId = Launched().Match(result.Error).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(instanceId), result.ToString());
        Assert.Contains($"acode: terminating {instanceId}", result.Error, StringComparison.Ordinal);
        var last = result.Error.TrimEnd().Split('\n')[^1];
        Assert.Matches("^acode: finished in .+; remote command exited 7; cost \\$", last);

        // Every process of an emulator machine carries ACODE_EMULATOR_INSTANCE=<instance-id>/...: none may outlive the run.
        Assert.Empty(ProcessesOf(instanceId));
    }

    internal static List<int> ProcessesOf(string instanceId)
    {
        var marker = $"ACODE_EMULATOR_INSTANCE={instanceId}/";
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(dir, "environ")).Split('\0').Any(v => v.StartsWith(marker, StringComparison.Ordinal)))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while being read.
            }
        }

        return found;
    }

    [GeneratedRegex("launched (i-[0-9a-f]+)")]
    private static partial Regex Launched();
}
