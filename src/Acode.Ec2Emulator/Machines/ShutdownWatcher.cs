namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// Picks up the requests the shutdown shims drop into the machine's request folder and turns them into a power-off:
/// at once, or on a <see cref="TimeProvider"/> timer that a later request replaces and <c>shutdown -c</c> cancels.
/// </summary>
internal sealed class ShutdownWatcher : IDisposable
{
    private readonly string _folder;
    private readonly TimeProvider _timeProvider;
    private readonly Action _powerOff;
    private readonly FileSystemWatcher _watcher;
    private readonly Lock _gate = new();
    private ITimer? _scheduled;
    private object? _scheduleId;
    private bool _disposed;

    public ShutdownWatcher(string folder, TimeProvider timeProvider, Action powerOff)
    {
        _folder = folder;
        _timeProvider = timeProvider;
        _powerOff = powerOff;
        foreach (var stale in Directory.EnumerateFiles(folder))
        {
            File.Delete(stale);
        }

        _watcher = new FileSystemWatcher(folder, "*.req") { NotifyFilter = NotifyFilters.FileName };
        _watcher.Created += (_, _) => Drain();
        _watcher.Renamed += (_, _) => Drain();
        _watcher.EnableRaisingEvents = true;
    }

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

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _scheduled?.Dispose();
            _scheduled = null;
        }

        _watcher.Dispose();
    }

    private void Drain()
    {
        lock (_gate)
        {
            // File names start with the shim's nanosecond clock, so ordinal order is the order they were run in.
            foreach (var file in Directory.EnumerateFiles(_folder, "*.req").Order(StringComparer.Ordinal))
            {
                string[] command;
                try
                {
                    command = File.ReadAllLines(file);
                    File.Delete(file);
                }
                catch (IOException)
                {
                    continue;
                }

                if (!_disposed)
                {
                    Apply(ShutdownRequest.Parse(command, _timeProvider.GetLocalNow()));
                }
            }
        }
    }

    private void Apply(ShutdownRequest request)
    {
        switch (request.Action)
        {
            case ShutdownAction.Cancel:
                _scheduled?.Dispose();
                _scheduled = null;
                break;
            case ShutdownAction.PowerOff:
                _scheduled?.Dispose();
                _scheduled = null;
                if (request.Delay <= TimeSpan.Zero)
                {
                    ThreadPool.QueueUserWorkItem(_ => _powerOff());
                }
                else
                {
                    // Each schedule has its own identity, so a replaced timer that fires late does nothing.
                    var schedule = new object();
                    _scheduleId = schedule;
                    _scheduled = _timeProvider.CreateTimer(Fire, schedule, request.Delay, Timeout.InfiniteTimeSpan);
                }

                break;
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

        _powerOff();
    }
}
