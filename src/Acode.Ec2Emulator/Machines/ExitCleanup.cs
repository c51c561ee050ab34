namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// Keeps, per live host, the sshd listeners its machines run, and kills every process of those hosts when the
/// emulator's process exits, so that no sshd outlives it even when nobody disposed a host; then deletes the work
/// folders the emulator made for itself.
/// </summary>
internal static class ExitCleanup
{
    private static readonly Dictionary<string, Dictionary<int, string>> Listeners = [];
    private static readonly HashSet<string> Folders = [];
    private static bool _hooked;
    private static bool _exiting;

    public static void Register(string nonce)
    {
        lock (Listeners)
        {
            Listeners[nonce] = [];
            Hook();
        }
    }

    /// <summary>Deletes <paramref name="path"/> at exit (after the processes are killed) unless <see cref="ForgetFolder"/> came first.</summary>
    public static void DeleteFolderAtExit(string path)
    {
        lock (Listeners)
        {
            Folders.Add(path);
            Hook();
        }
    }

    public static void ForgetFolder(string path)
    {
        lock (Listeners)
        {
            Folders.Remove(path);
        }
    }

    public static void Unregister(string nonce)
    {
        lock (Listeners)
        {
            Listeners.Remove(nonce);
        }
    }

    /// <summary>Records a listener right after it started; false when the process is exiting or the host is gone, and the caller must stop it.</summary>
    public static bool AddListener(string nonce, int pid, string configPath)
    {
        lock (Listeners)
        {
            if (_exiting || !Listeners.TryGetValue(nonce, out var listeners))
            {
                return false;
            }

            listeners[pid] = configPath;
            return true;
        }
    }

    public static void RemoveListener(string nonce, int pid)
    {
        lock (Listeners)
        {
            if (Listeners.TryGetValue(nonce, out var listeners))
            {
                listeners.Remove(pid);
            }
        }
    }

    /// <summary>The marker suffix shared by every process of one host.</summary>
    public static string Suffix(string nonce) => "/" + nonce;

    /// <summary>Kills every process of the host <paramref name="nonce"/>: its listeners, their sessions, marked processes.</summary>
    public static int KillHost(string nonce)
    {
        List<int> roots;
        lock (Listeners)
        {
            roots = Listeners.TryGetValue(nonce, out var listeners)
                ? [.. listeners.Where(l => MachineProcesses.IsSshd(l.Key, l.Value)).Select(l => l.Key)]
                : [];
        }

        var suffix = Suffix(nonce);
        return MachineProcesses.KillAll(m => m.EndsWith(suffix, StringComparison.Ordinal), roots);
    }

    private static void Hook()
    {
        if (_hooked)
        {
            return;
        }

        _hooked = true;
        // Signals are not hooked: an application that handles Ctrl-C disposes its hosts (a handler here would kill
        // the machines under a run that is still tearing down), and every other end of the process, SIGKILL
        // included, is the host watchdog's (HostWatchdog).
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll(deleteFolders: true);
    }

    private static void KillAll(bool deleteFolders)
    {
        string[] nonces;
        string[] folders = [];
        lock (Listeners)
        {
            _exiting = true;
            nonces = [.. Listeners.Keys];
            if (deleteFolders)
            {
                folders = [.. Folders];
                Folders.Clear();
            }
        }

        foreach (var nonce in nonces)
        {
            KillHost(nonce);
        }

        foreach (var folder in folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort while the process ends.
            }
        }
    }
}
