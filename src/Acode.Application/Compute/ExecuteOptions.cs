namespace Acode.Application.Compute;

/// <summary>Options for one remote command.</summary>
public sealed record ExecuteOptions
{
    /// <summary>The default capture limit per output stream: 4 MiB of text.</summary>
    public const int DefaultMaxCapturedChars = 4 * 1024 * 1024;

    /// <summary>The remote working directory; null uses the workspace root. Relative paths are relative to it.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Environment variables for the command. Names must be valid shell identifiers; values may hold anything.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Stops the remote process tree after this long; null means no timeout.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Text sent to the command's standard input; null gives it an empty standard input.</summary>
    public string? StandardInput { get; init; }

    /// <summary>Called for every standard output line as it arrives (without the line break).</summary>
    public Action<string>? OnStdoutLine { get; init; }

    /// <summary>Called for every standard error line as it arrives (without the line break).</summary>
    public Action<string>? OnStderrLine { get; init; }

    /// <summary>How many characters of each stream the result keeps (the tail); the rest is only streamed.</summary>
    public int MaxCapturedChars { get; init; } = DefaultMaxCapturedChars;
}
