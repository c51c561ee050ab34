namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>
/// Keeps one session's record fresh on a <see cref="TimeProvider"/> timer; disposing stops the timer and removes the
/// record (the session is over). Made by <see cref="Ec2SessionRegistry.StartHeartbeat"/>.
/// </summary>
public sealed class Ec2SessionHeartbeat : IAsyncDisposable
{
    private readonly Ec2SessionRegistry _registry;
    private readonly ITimer _timer;
    private int _disposed;

    internal Ec2SessionHeartbeat(Ec2SessionRegistry registry, string sessionId, TimeSpan interval, TimeProvider time)
    {
        _registry = registry;
        SessionId = sessionId;
        _timer = time.CreateTimer(_ => Beat(), null, interval, interval);
    }

    /// <summary>The session kept alive.</summary>
    public string SessionId { get; }

    /// <summary>Heartbeats that failed to write (a full or read-only disk); the session then looks dead to sweeps.</summary>
    public int FailedBeats { get; private set; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _timer.DisposeAsync();
        _registry.Remove(SessionId);
    }

    private void Beat()
    {
        try
        {
            _registry.Heartbeat(SessionId);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            FailedBeats++;
        }
    }
}
