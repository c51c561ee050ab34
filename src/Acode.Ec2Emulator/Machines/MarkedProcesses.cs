using System.Text;

namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// Finds and kills processes by the <see cref="MachineConstants.InstanceMarkerVariable"/> in their environment, so
/// that whatever a machine started (sessions, user data, daemons it forked) goes when the machine goes. Root reads
/// every process's environment; a normal user reads its own, which are the only ones its machines can start.
/// </summary>
internal static class MarkedProcesses
{
    private const int MaxRounds = 50;
    private static readonly byte[] Prefix = Encoding.UTF8.GetBytes(MachineConstants.InstanceMarkerVariable + "=");

    /// <summary>Kills, until none is left, every process whose marker satisfies <paramref name="matches"/>.</summary>
    public static int KillAll(Func<string, bool> matches)
    {
        var killed = 0;
        // A process may fork between a scan and the kill: scan again until a round finds nothing.
        for (var round = 0; round < MaxRounds; round++)
        {
            var found = Find(matches);
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

    /// <summary>The ids of living processes whose marker satisfies <paramref name="matches"/>.</summary>
    public static List<int> Find(Func<string, bool> matches)
    {
        var result = new List<int>();
        var self = Environment.ProcessId;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid) && pid != self &&
                ReadMarker(pid) is { } marker && matches(marker))
            {
                result.Add(pid);
            }
        }

        return result;
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
}
