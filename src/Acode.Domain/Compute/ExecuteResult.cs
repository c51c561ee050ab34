namespace Acode.Domain.Compute;

/// <summary>
/// The outcome of one remote command. Output is captured bounded: when a stream produced more than the capture
/// limit, only its last part is kept and the matching <c>Truncated</c> flag is set.
/// </summary>
/// <param name="ExitCode">The remote exit code; -1 when the command was stopped before it reported one.</param>
/// <param name="Stdout">Captured standard output (possibly only its tail).</param>
/// <param name="Stderr">Captured standard error (possibly only its tail).</param>
/// <param name="Duration">Wall-clock time from start to exit.</param>
/// <param name="TimedOut">True when the command's timeout stopped it.</param>
public sealed record ExecuteResult(int ExitCode, string Stdout, string Stderr, TimeSpan Duration, bool TimedOut)
{
    /// <summary>True when standard output exceeded the capture limit and its beginning was dropped.</summary>
    public bool StdoutTruncated { get; init; }

    /// <summary>True when standard error exceeded the capture limit and its beginning was dropped.</summary>
    public bool StderrTruncated { get; init; }

    /// <summary>True when the command exited with code 0 and did not time out.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}
