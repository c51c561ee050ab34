namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// A booted machine's power-off requests: at once, or on a <see cref="TimeProvider"/> timer that a later request
/// replaces and <c>shutdown -c</c> cancels, as systemd's shutdown behaves.
/// </summary>
internal sealed class ShutdownSchedule(TimeProvider timeProvider, Action powerOff) : IDisposable
{
    private readonly Lock _gate = new();
    private ITimer? _scheduled;
    private object? _scheduleId;
    private bool _disposed;

    /// <summary>True while a power-off is scheduled.</summary>
    public bool IsScheduled
    {
        get
        {
            lock (_gate)
            {
                return _scheduled is not null;
            }
        }
    }

    /// <summary>Applies a command run inside the machine: its name, then its arguments.</summary>
    public void Submit(IReadOnlyList<string> command)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var request = ShutdownRequest.Parse(command, timeProvider.GetLocalNow());
            if (request.Action == ShutdownAction.None)
            {
                return;
            }

            _scheduled?.Dispose();
            _scheduled = null;
            _scheduleId = null;
            if (request.Action == ShutdownAction.Cancel)
            {
                return;
            }

            if (request.Delay <= TimeSpan.Zero)
            {
                ThreadPool.QueueUserWorkItem(_ => powerOff());
                return;
            }

            // Each schedule has its own identity, so a replaced timer that fires late does nothing.
            var schedule = new object();
            _scheduleId = schedule;
            _scheduled = timeProvider.CreateTimer(Fire, schedule, request.Delay, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _scheduled?.Dispose();
            _scheduled = null;
        }
    }

    private void Fire(object? schedule)
    {
        lock (_gate)
        {
            if (_disposed || _scheduled is null || !ReferenceEquals(schedule, _scheduleId))
            {
                return;
            }

            _scheduled.Dispose();
            _scheduled = null;
        }

        powerOff();
    }
}
