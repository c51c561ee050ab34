using Acode.Application.Compute;
using Acode.Infrastructure.Compute.Ec2.UserData;
using Acode.Infrastructure.Compute.Ssh;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2.Lifecycle;

/// <summary>
/// The client side of the dead-man switch: while a target holds an SSH connection, it touches the heartbeat file on
/// the instance every recommended interval, one at a time, each bounded by that interval. A failed beat is logged,
/// never thrown: the switch on the instance is what acts on silence.
/// </summary>
internal sealed class Ec2DeadManHeartbeat(DeadManSwitchOptions options, TimeProvider time, string targetId, ILogger logger)
{
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private SshComputeTarget? _ssh;
    private string _instanceId = "(none)";
    private int _running;

    /// <summary>Starts beating over <paramref name="ssh"/> now and every interval; a previous connection is replaced.</summary>
    public void Start(SshComputeTarget ssh, string instanceId)
    {
        lock (_gate)
        {
            _ssh = ssh;
            _instanceId = instanceId;
            _timer ??= time.CreateTimer(_ => _ = BeatAsync(), null, TimeSpan.Zero, options.RecommendedHeartbeatInterval);
        }
    }

    /// <summary>Stops beating (before its connection closes, or to look like a crashed client in tests); <see cref="Start"/> resumes.</summary>
    public async Task StopAsync()
    {
        ITimer? timer;
        lock (_gate)
        {
            timer = _timer;
            _timer = null;
            _ssh = null;
        }

        if (timer is not null)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task BeatAsync()
    {
        SshComputeTarget? ssh;
        lock (_gate)
        {
            ssh = _ssh;
        }

        // One heartbeat at a time: a slow one must not pile up behind the timer.
        if (ssh is null || Interlocked.Exchange(ref _running, 1) == 1)
        {
            return;
        }

        try
        {
            using var bounded = new CancellationTokenSource(options.RecommendedHeartbeatInterval, time);
            await ssh.ExecuteAsync(HeartbeatCommand.For(options), new ExecuteOptions { WorkingDirectory = "/" }, bounded.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Ec2Log.HeartbeatFailed(logger, targetId, _instanceId, ex);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }
}
