namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// Picks up what the shutdown shims of all a host's machines drop into one shared folder (<c>WORKROOT/.power</c>,
/// named <c>INSTANCE.NANOSECONDS.PID.req</c>) and hands each request to its machine. One watcher per host, not per
/// machine: each FileSystemWatcher costs an inotify instance, of which a user has only 128.
/// </summary>
internal sealed class PowerRequestWatcher : IDisposable
{
    // Anyone may drop a request, nobody but the owner may list or remove others' (like /tmp, without read).
    private const UnixFileMode DropBox = UnixFileMode.StickyBit | UnixFileMode.UserRead | UnixFileMode.UserWrite |
        UnixFileMode.UserExecute | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly string _folder;
    private readonly Action<string, string[]> _deliver;
    private readonly FileSystemWatcher _watcher;
    private readonly Lock _gate = new();

    public PowerRequestWatcher(string folder, Action<string, string[]> deliver)
    {
        _folder = folder;
        _deliver = deliver;
        UnixFiles.CreateDirectory(folder);
        UnixFiles.SetMode(folder, DropBox);
        _watcher = new FileSystemWatcher(folder, "*.req") { NotifyFilter = NotifyFilters.FileName };
        _watcher.Created += (_, _) => Drain();
        _watcher.Renamed += (_, _) => Drain();
        _watcher.EnableRaisingEvents = true;
        Drain();
    }

    public void Dispose() => _watcher.Dispose();

    private void Drain()
    {
        lock (_gate)
        {
            // Names sort by instance, then by the shim's nanosecond clock: each machine's requests in the order run.
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

                var name = Path.GetFileName(file);
                _deliver(name[..name.IndexOf('.', StringComparison.Ordinal)], command);
            }
        }
    }
}
