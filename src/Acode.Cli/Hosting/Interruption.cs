using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Acode.Cli.Hosting;

/// <summary>
/// Ctrl-C and SIGTERM as a command sees them: the first signal cancels <see cref="Token"/> (the command tears down on
/// its own bounded token, then exits <see cref="ExitCode"/>); a second one ends the process at once, after naming what
/// may remain (<see cref="MayRemain"/>), because nobody is left to tear it down.
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly ConcurrentDictionary<string, string> _mayRemain = new(StringComparer.Ordinal);
    private int _signal;

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>The first signal received, or null.</summary>
    public PosixSignal? Signal => _signal == 0 ? null : (PosixSignal)_signal;

    /// <summary>130 after SIGINT (and when no signal came), 143 after SIGTERM: 128 plus the signal's number.</summary>
    public int ExitCode => Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;

    /// <summary>What a command started and has not released yet (an instance id and what comes with it), in start order.</summary>
    public IReadOnlyCollection<string> MayRemain => [.. _mayRemain.Values];

    /// <summary>Records <paramref name="description"/> under <paramref name="key"/> until <see cref="Released"/>.</summary>
    public void Started(string key, string description) => _mayRemain[key] = description;

    /// <summary>Forgets what <see cref="Started"/> recorded under <paramref name="key"/>.</summary>
    public void Released(string key) => _mayRemain.TryRemove(key, out _);

    /// <summary>
    /// Handles one signal: the first cancels <see cref="Token"/> and keeps the process alive; a later one returns
    /// false, and the caller ends the process.
    /// </summary>
    public bool OnSignal(PosixSignal signal)
    {
        if (Interlocked.CompareExchange(ref _signal, (int)signal, 0) != 0)
        {
            return false;
        }

        _cancel.Cancel();
        return true;
    }

    /// <summary>The lines a second signal prints before the process ends.</summary>
    public IEnumerable<string> LeavingLines()
    {
        var remaining = MayRemain;
        yield return "acode: interrupted again: leaving now, without teardown.";
        foreach (var item in remaining)
        {
            yield return "acode: may remain: " + item;
        }

        if (remaining.Count > 0)
        {
            yield return "acode: check with 'acode target ec2 list'; remove with 'acode target ec2 cleanup --older-than 0s --yes' (the instance's dead-man switch also ends it).";
        }
    }

    /// <inheritdoc />
    public void Dispose() => _cancel.Dispose();
}
