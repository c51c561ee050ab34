using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Spot;
using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ssh;
using Amazon.EC2;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2.Spot;

/// <summary>
/// A spot target's watch for interruption and its on-demand replacement: commands and transfers run under the
/// watcher, the command running at the notice fails with <see cref="SpotInterruptedException"/>, and with
/// <c>spotFallbackToOnDemand</c> one replacement is started (by the notice or by that failure, whichever comes first)
/// and awaited by the next command. How a replacement is launched is the target's lifecycle (<c>replace</c>).
/// </summary>
internal sealed class Ec2SpotReplacement(
    bool fallbackToOnDemand,
    TimeProvider time,
    IEventPublisher events,
    SpotInterruptionWatcherOptions? options,
    ILoggerFactory loggers,
    Func<SpotInterruptionNotice, Task> replace,
    CancellationToken teardownRequested)
{
    private readonly Lock _gate = new();
    private SpotInterruptionWatcher? _watcher;
    private Task? _replacement;

    /// <summary>Gets the running replacement; null when there is none.</summary>
    public Task? Replacement => Volatile.Read(ref _replacement);

    /// <summary>Starts watching the instance, probing over <paramref name="ssh"/> (instance metadata) and EC2 (its state).</summary>
    public void Watch(IAmazonEC2 ec2, SshComputeTarget ssh, string instanceId)
    {
        var watcher = new SpotInterruptionWatcher(
            instanceId,
            fallbackToOnDemand,
            async (command, token) =>
            {
                var result = await ssh.ExecuteAsync(command, new ExecuteOptions { WorkingDirectory = "/" }, token).ConfigureAwait(false);
                return (result.ExitCode, result.Stdout);
            },
            SpotInterruptionWatcher.DescribeWith(ec2, instanceId),
            time,
            events,
            options,
            loggers.CreateLogger<SpotInterruptionWatcher>());
        _watcher = watcher;
        _ = watcher.Interrupted.ContinueWith(notice => Begin(notice.Result), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        watcher.Start();
    }

    /// <summary>Waits for a replacement in progress (none: at once), so the next command runs on the replacement.</summary>
    public Task WaitForReplacementAsync(CancellationToken cancellationToken) =>
        Replacement is { } replacement ? replacement.WaitAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Runs <paramref name="run"/> under the watcher when there is one: it fails at an interruption notice.</summary>
    /// <exception cref="SpotInterruptedException">The instance is being interrupted; a replacement, if any, has started.</exception>
    public async Task<T> GuardAsync<T>(Func<CancellationToken, Task<T>> run, CancellationToken cancellationToken)
    {
        if (_watcher is not { } watcher)
        {
            return await run(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await watcher.GuardAsync(run, cancellationToken).ConfigureAwait(false);
        }
        catch (SpotInterruptedException) when (watcher.Notice is { } notice)
        {
            // Started here as well as by the notice, so a retry right after this exception already waits for it.
            Begin(notice);
            throw;
        }
    }

    /// <summary>Stops watching (before the connection the watcher probes over closes).</summary>
    public async Task StopWatchingAsync()
    {
        if (_watcher is { } watcher)
        {
            _watcher = null;
            await watcher.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Begin(SpotInterruptionNotice notice)
    {
        if (!fallbackToOnDemand)
        {
            return;
        }

        lock (_gate)
        {
            if (_replacement is null && !teardownRequested.IsCancellationRequested)
            {
                Volatile.Write(ref _replacement, replace(notice));
            }
        }
    }
}
