using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2.Lifecycle;

/// <summary>
/// The last resort of NFR-004: when this process exits normally, on SIGTERM or on SIGINT, every instance it launched
/// and has not terminated yet is terminated, each within <see cref="Ec2TargetTimeouts.ProcessExit"/>. A SIGKILL
/// cannot be caught; the instance-side dead-man switch covers that case.
/// </summary>
public static class Ec2ProcessExitGuard
{
    private static readonly ConcurrentDictionary<string, Registration> Launched = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static bool _hooked;
    private static PosixSignalRegistration? _sigterm;
    private static PosixSignalRegistration? _sigint;

    /// <summary>Gets the instances currently guarded (for tests and diagnostics).</summary>
    public static IReadOnlyCollection<string> Guarded => Launched.Keys.ToArray();

    /// <summary>Guards an instance until <see cref="Release"/>.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="terminate">Terminates it; given a token that ends after the budget.</param>
    /// <param name="logger">Logs the termination.</param>
    public static void Register(string instanceId, Func<CancellationToken, Task> terminate, ILogger logger)
    {
        EnsureHooked();
        Launched[instanceId] = new Registration(terminate, logger);
    }

    /// <summary>Stops guarding an instance (it has been terminated by the normal path).</summary>
    public static void Release(string instanceId) => Launched.TryRemove(instanceId, out _);

    /// <summary>Terminates every guarded instance now; what the hooks call.</summary>
    public static void TerminateAll(string reason)
    {
        var pending = Launched.ToArray();
        var tasks = new List<Task>();
        foreach (var (instanceId, registration) in pending)
        {
            Ec2Log.ProcessExitTerminating(registration.Logger, reason, instanceId);
            tasks.Add(Task.Run(async () =>
            {
                using var budget = new CancellationTokenSource(Ec2TargetTimeouts.ProcessExit);
                await registration.Terminate(budget.Token).ConfigureAwait(false);
                Release(instanceId);
            }));
        }

        try
        {
            // Blocking is the point: the process ends when this handler returns.
            Task.WaitAll(tasks.ToArray(), Ec2TargetTimeouts.ProcessExit);
        }
        catch (AggregateException)
        {
            // Best effort: the dead-man switch terminates whatever this could not.
        }
    }

    private static void EnsureHooked()
    {
        lock (Gate)
        {
            if (_hooked)
            {
                return;
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) => TerminateAll("process exit");
            if (!OperatingSystem.IsWindows())
            {
                _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => TerminateAll("SIGTERM"));
                _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => TerminateAll("SIGINT"));
            }

            _hooked = true;
        }
    }

    private sealed record Registration(Func<CancellationToken, Task> Terminate, ILogger Logger);
}
