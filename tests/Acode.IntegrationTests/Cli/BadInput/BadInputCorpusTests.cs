using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Acode.Ec2Emulator;
using Emulator = Acode.Ec2Emulator.Ec2Emulator;

namespace Acode.IntegrationTests.Cli;

/// <summary>
/// The bad-input corpus through the real acode process against one running emulator: every row's exit code, the flag
/// or field its message names, no .NET type in stderr, and not one request received by the emulator (its request count,
/// read from the control API, is kept per URL path and every row gets its own path).
/// </summary>
public sealed class BadInputCorpusTests : IAsyncLifetime
{
    private static readonly string[] Leaks = ["System.", "Exception", "`1", "Unexpected error", "   at "];

    private Emulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await Emulator.StartAsync(new EmulatorOptions { StartMachines = false });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Every_bad_input_is_refused_naming_what_is_wrong_and_sends_nothing()
    {
        var rows = BadInputCorpus.Rows;
        Assert.True(rows.Count >= 100, $"the corpus has {rows.Count} rows");
        var failures = new ConcurrentBag<string>();

        // Each row is a separate acode process, so rows run side by side.
        await Parallel.ForEachAsync(
            rows.Select((row, index) => (row, index)),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(8, System.Environment.ProcessorCount * 4) },
            async (item, _) =>
            {
                var (row, index) = item;
                try
                {
                    foreach (var problem in await RunAsync(row, CasePath(index)))
                    {
                        failures.Add($"row {index}, {row}: {problem}");
                    }
                }
                catch (TimeoutException ex)
                {
                    failures.Add($"row {index}, {row}: {ex.Message} (was it accepted?)");
                }
            });

        var received = await RequestsAsync();
        for (var index = 0; index < rows.Count; index++)
        {
            if (received.ByPath.TryGetValue(CasePath(index), out var count))
            {
                failures.Add($"row {index}, {rows[index]}: the emulator received {count} request(s)");
            }
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} of {rows.Count} rows failed:\n" + string.Join("\n\n", failures.Order(StringComparer.Ordinal)));
        Assert.Equal(0, received.Count);
    }

    [Fact]
    public async Task The_request_count_sees_a_command_that_does_reach_the_emulator()
    {
        // The corpus proves "nothing sent" by a count that stays zero; this shows the count moves when acode does send.
        using var cli = new CliProcess();
        var result = await cli.RunAsync(Args(new BadInput("target ec2 list", 0, string.Empty), "/accepted/"), Credentials());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True((await RequestsAsync()).ByPath.GetValueOrDefault("/accepted/") > 0, "the emulator counted no request for an accepted command");
    }

    [Fact]
    public async Task Help_shows_duration_defaults_with_their_unit()
    {
        using var cli = new CliProcess();
        var cleanup = await cli.RunAsync("target", "ec2", "cleanup", "--help");
        var emulator = await cli.RunAsync("emulator", "--help");

        Assert.Contains("[default: 2h]", cleanup.Out, StringComparison.Ordinal);
        Assert.Contains("[default: 1s]", emulator.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("00:", cleanup.Out + emulator.Out, StringComparison.Ordinal);
    }

    private static string CasePath(int index) => $"/case-{index}/";

    private async Task<List<string>> RunAsync(BadInput row, string path)
    {
        using var cli = new CliProcess();
        if (row.Config is not null)
        {
            cli.WriteConfig(row.Config);
        }

        var result = await cli.RunAsync(Args(row, path), Credentials());
        var problems = new List<string>();
        if (result.ExitCode != row.ExitCode)
        {
            problems.Add($"exit {result.ExitCode}, expected {row.ExitCode}");
        }

        if (!result.Error.Contains(row.Named, StringComparison.Ordinal))
        {
            problems.Add($"stderr does not name \"{row.Named}\"");
        }

        problems.AddRange(Leaks.Where(leak => result.Error.Contains(leak, StringComparison.Ordinal)).Select(leak => $"stderr shows \"{leak}\""));
        if (problems.Count > 0)
        {
            problems.Add("stderr was: " + result.Error.Trim());
        }

        return problems;
    }

    // Burst mode and the emulator's endpoint come first (after "--" they would be the remote command), unless the row sets them.
    private string[] Args(BadInput row, string path)
    {
        var args = row.Args();
        var globals = new List<string>();
        if (!args.Contains("--mode"))
        {
            globals.AddRange(["--mode", "burst"]);
        }

        if (!args.Contains("--endpoint-url"))
        {
            globals.AddRange(["--endpoint-url", new Uri(_emulator.ServiceUrl, path.TrimStart('/')).ToString()]);
        }

        return [.. globals, .. args];
    }

    private Dictionary<string, string> Credentials() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["AWS_REGION"] = _emulator.Region,
    };

    private async Task<(long Count, Dictionary<string, long> ByPath)> RequestsAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_emulator.ServiceUrl, "_emulator/") };
        var json = await http.GetFromJsonAsync<JsonElement>("requests");
        var byPath = json.GetProperty("byPath").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
        return (json.GetProperty("count").GetInt64(), byPath);
    }
}
