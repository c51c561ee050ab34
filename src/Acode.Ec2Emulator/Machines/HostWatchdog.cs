using System.Diagnostics;

namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// A small shell process per <see cref="MachineHost"/> that outlives the emulator's process only to clean up after
/// it: it blocks reading a pipe whose only writer is this process, so end-of-file means this process is gone, however
/// it ended (SIGKILL and crashes included, which no handler sees). It then kills every process of the host (the
/// marker in their environment; sshd listeners by the work root in their command line, since sshd rewrites its title
/// over its environment) until none is left, and deletes the host's work root if the host owns it. A clean
/// <see cref="Stop"/> tells it to exit without doing anything.
/// </summary>
/// <remarks>
/// Why not a parent-death signal (<c>setpriv --pdeathsig</c>, present here): it cannot cover user data, which detaches
/// from its parent by design (setsid -f), nor sessions forked by sshd, and it fires when the forking thread ends
/// (prctl(2)), which for .NET may be a retiring pool thread. The pipe needs neither. The watchdog runs in a session of its own (setsid) and ignores INT/TERM/HUP, so Ctrl-C or a kill of
/// the terminal's process group does not take it down before its work.
/// </remarks>
internal sealed class HostWatchdog
{
    // Environment is the only input: patterns go to grep through stdin, so no grep command line matches itself.
    private const string Script = """
        exec >/dev/null 2>&1
        trap '' INT TERM HUP QUIT PIPE
        if read -r word && [ "$word" = stop ]; then exit 0; fi
        round=0
        while [ "$round" -lt 50 ]; do
          round=$((round + 1))
          pids=$( { printf '%s\n' "$WATCHDOG_MARKER" | grep -lzs -f - /proc/[0-9]*/environ
                    printf '%s\n' "$WATCHDOG_ROOT" | grep -lzsF -f - /proc/[0-9]*/cmdline; } \
                  | sed -n 's|^/proc/\([0-9]*\)/.*|\1|p' | grep -vx "$$" | sort -u)
          [ -z "$pids" ] && break
          kill -KILL $pids
        done
        if [ -n "$WATCHDOG_DELETE" ]; then rm -rf -- "$WATCHDOG_DELETE"; fi
        """;

    private readonly Process _process;

    private HostWatchdog(Process process) => _process = process;

    /// <summary>The watchdog's process id.</summary>
    public int Pid => _process.Id;

    /// <summary>Starts the watchdog of the host whose processes carry <paramref name="nonce"/> and live under <paramref name="workRoot"/>.</summary>
    public static HostWatchdog Start(string nonce, string workRoot, bool deleteWorkRoot)
    {
        var start = new ProcessStartInfo(MachineConstants.SetsidPath) { RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in new[] { "/bin/sh", "-c", Script, "acode-emulator-watchdog" })
        {
            start.ArgumentList.Add(argument);
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workRoot)) + "/";
        start.Environment.Clear();
        start.Environment["PATH"] = MachineConstants.SystemPath;
        start.Environment["LC_ALL"] = "C";
        start.Environment["WATCHDOG_MARKER"] = $"^{MachineConstants.InstanceMarkerVariable}=.*{ExitCleanup.Suffix(nonce)}$";
        start.Environment["WATCHDOG_ROOT"] = root;
        start.Environment["WATCHDOG_DELETE"] = deleteWorkRoot ? root : string.Empty;
        return new HostWatchdog(Process.Start(start)!);
    }

    /// <summary>The host stopped cleanly: the watchdog exits without sweeping.</summary>
    public void Stop()
    {
        try
        {
            _process.StandardInput.WriteLine("stop");
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The watchdog is already gone (someone killed it): nothing to stop.
        }

        _process.Dispose();
    }
}
