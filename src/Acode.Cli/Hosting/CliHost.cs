using System.Collections;
using Microsoft.Extensions.DependencyInjection;

namespace Acode.Cli.Hosting;

/// <summary>
/// What a run of <c>acode</c> reads and writes: output streams, environment, working folder, clock. The process
/// builds one from itself; tests build one with string writers and a chosen environment.
/// </summary>
public sealed class CliHost
{
    /// <summary>Where results go (tables, JSON).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Where errors, warnings and progress go.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>The environment variables the run sees.</summary>
    public required IReadOnlyDictionary<string, string?> Environment { get; init; }

    /// <summary>The folder relative paths (e.g. <c>--config</c>) are resolved against.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>True when standard output is an interactive terminal (progress may redraw lines).</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Extra service registrations (the EC2 target's, or test doubles), applied after acode's own.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>True when colour is off: <c>NO_COLOR</c> set to anything non-empty, or output is not a terminal.</summary>
    public bool NoColor => !IsTerminal || !string.IsNullOrEmpty(GetEnvironment("NO_COLOR"));

    /// <summary>An environment variable, or null.</summary>
    public string? GetEnvironment(string name) => Environment.TryGetValue(name, out var value) ? value : null;

    /// <summary>The run's signals: what the first Ctrl-C or SIGTERM makes the exit code, and what a second one names.</summary>
    public Interruption Interruption { get; init; } = new();

    /// <summary>The host of this process.</summary>
    /// <param name="interruption">The process's signal handling (see Program); a fresh one when omitted.</param>
    public static CliHost FromProcess(Interruption? interruption = null)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = entry.Value as string;
        }

        return new CliHost
        {
            Out = Console.Out,
            Error = Console.Error,
            Environment = environment,
            WorkingDirectory = Directory.GetCurrentDirectory(),
            IsTerminal = !Console.IsOutputRedirected,
            Interruption = interruption ?? new Interruption(),
        };
    }
}
