using System.Globalization;

namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// The emulator's own work roots (<c>acode-emulator-*</c> in the temp folder) name their owner in an <c>.owner</c> file
/// (process id and start time, since ids get reused). A new emulator removes the roots whose owner is no longer
/// running: what a process left when it was killed and its watchdog could not finish (or was killed with it).
/// </summary>
internal static class StaleWorkRoots
{
    /// <summary>The prefix of an emulator-owned work root's folder name.</summary>
    public const string Prefix = "acode-emulator-";

    private const string OwnerFile = ".owner";

    /// <summary>A new work root in <paramref name="parent"/>, owned by this process.</summary>
    public static string Create(string parent)
    {
        var root = Path.Combine(parent, Prefix + Guid.NewGuid().ToString("N"));
        UnixFiles.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, OwnerFile), Identity(Environment.ProcessId) + "\n");
        return root;
    }

    /// <summary>Deletes the work roots in <paramref name="parent"/> whose owner is gone; returns how many.</summary>
    public static int Sweep(string parent)
    {
        var removed = 0;
        foreach (var root in Directory.EnumerateDirectories(parent, Prefix + "*"))
        {
            try
            {
                if (File.Exists(Path.Combine(root, OwnerFile)) && !IsRunning(File.ReadAllText(Path.Combine(root, OwnerFile)).Trim()))
                {
                    Directory.Delete(root, recursive: true);
                    removed++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's folder, or one being removed right now: not ours to insist on.
            }
        }

        return removed;
    }

    // "pid starttime", the start time in clock ticks since boot (field 22 of /proc/PID/stat); null when not running.
    private static string? Identity(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] == "Z" ? null : string.Create(CultureInfo.InvariantCulture, $"{pid} {fields[19]}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsRunning(string owner)
    {
        var pid = owner.Split(' ')[0];
        return int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Identity(id) == owner;
    }
}
