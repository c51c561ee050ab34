namespace Acode.Benchmarks.CrashTrials;

/// <summary>The phases of one <c>acode exec</c>, each entered when its line shows on acode's standard error.</summary>
internal sealed record TrialPhase(string Name, Func<string, bool> Starts)
{
    /// <summary>The line the trial's remote command prints on stderr when it is done, just before the download.</summary>
    public const string CommandDone = "acode-crash-trial-command-done";

    public static IReadOnlyList<TrialPhase> All { get; } =
    [
        new("launching", _ => true),
        new("waiting for SSH", l => l.Contains(" -> running", StringComparison.Ordinal)),
        new("uploading", l => l.Contains(" ready at ", StringComparison.Ordinal)),
        new("running", l => l.StartsWith("acode: running ", StringComparison.Ordinal)),
        new("downloading", l => l == CommandDone),
        new("tearing down", l => l.StartsWith("acode: tearing down", StringComparison.Ordinal)),
    ];

    /// <summary>The index of the phase <paramref name="line"/> starts, after <paramref name="current"/>; else <paramref name="current"/>.</summary>
    public static int Next(int current, string line)
    {
        for (var i = All.Count - 1; i > current; i--)
        {
            if (All[i].Starts(line))
            {
                return i;
            }
        }

        return current;
    }
}
