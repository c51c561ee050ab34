using System.Text;

namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// Finds and kills the processes of machines. A process belongs to a machine when it carries the machine's
/// <see cref="MachineConstants.InstanceMarkerVariable"/> (sessions, user data, whatever they fork or daemonize), or
/// descends from one of its sshd listeners. The second rule is needed because sshd rewrites its process title over
/// its environment, so sshd's own processes (listener, per-connection monitors) show no marker in /proc.
/// Root reads every process's environment; a normal user reads its own, which are all its machines can start.
/// </summary>
internal static class MachineProcesses
{
    private const int MaxRounds = 50;
    private static readonly byte[] Prefix = Encoding.UTF8.GetBytes(MachineConstants.InstanceMarkerVariable + "=");

    /// <summary>Kills, until none is left, every process <see cref="Find"/> names.</summary>
    public static int KillAll(Func<string, bool> matches, IReadOnlyCollection<int> roots)
    {
        var killed = 0;
        // A process may fork between a scan and the kill: scan again until a round finds nothing.
        for (var round = 0; round < MaxRounds; round++)
        {
            var found = Find(matches, roots);
            if (found.Count == 0)
            {
                break;
            }

            foreach (var pid in found)
            {
                Posix.Kill(pid, Posix.SigKill);
            }

            killed += found.Count;
        }

        return killed;
    }

    /// <summary>Living processes whose marker satisfies <paramref name="matches"/>, the living <paramref name="roots"/>, and all their descendants.</summary>
    public static List<int> Find(Func<string, bool> matches, IReadOnlyCollection<int>? roots = null)
    {
        var self = Environment.ProcessId;
        var children = new Dictionary<int, List<int>>();
        var selected = new HashSet<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid) || pid == self || ReadParent(pid) is not { } parent)
            {
                continue;
            }

            if (!children.TryGetValue(parent, out var siblings))
            {
                children[parent] = siblings = [];
            }

            siblings.Add(pid);
            if ((roots?.Contains(pid) ?? false) || (ReadMarker(pid) is { } marker && matches(marker)))
            {
                selected.Add(pid);
            }
        }

        var pending = new Queue<int>(selected);
        while (pending.TryDequeue(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                if (child != self && selected.Add(child))
                {
                    pending.Enqueue(child);
                }
            }
        }

        return [.. selected];
    }

    /// <summary>The marker value in <c>/proc/PID/environ</c>; null when absent, unreadable, or the process is gone (zombies read empty).</summary>
    public static string? ReadMarker(int pid)
    {
        byte[] environ;
        try
        {
            environ = File.ReadAllBytes($"/proc/{pid}/environ");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var span = environ.AsSpan();
        while (span.Length > 0)
        {
            var end = span.IndexOf((byte)0);
            var entry = end < 0 ? span : span[..end];
            if (entry.StartsWith(Prefix))
            {
                return Encoding.UTF8.GetString(entry[Prefix.Length..]);
            }

            span = end < 0 ? [] : span[(end + 1)..];
        }

        return null;
    }

    /// <summary>The parent of a living process; null for zombies (they run nothing) and processes already gone.</summary>
    private static int? ReadParent(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so parse after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields[0] == "Z" ? null : int.Parse(fields[1]);
    }

    /// <summary>True when <paramref name="pid"/> is still the sshd started with <paramref name="configPath"/> (pids get reused).</summary>
    public static bool IsSshd(int pid, string configPath)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains(configPath, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
