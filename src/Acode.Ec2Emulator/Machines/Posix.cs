using System.Runtime.InteropServices;

namespace Acode.Ec2Emulator.Machines;

/// <summary>The few libc calls .NET has no API for: changing a file's owner and signalling a process by id.</summary>
internal static partial class Posix
{
    public const int SigKill = 9;

    // The path goes as NUL-terminated UTF-8 bytes: what the kernel takes, with no string marshalling to get wrong.
    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int NativeChown(byte[] path, int owner, int group);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int NativeKill(int pid, int signal);

    public static void Chown(string path, int uid, int gid)
    {
        if (NativeChown(System.Text.Encoding.UTF8.GetBytes(path + "\0"), uid, gid) != 0)
        {
            throw new IOException($"chown {uid}:{gid} {path} failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Sends a signal; a process that is already gone is not an error.</summary>
    public static void Kill(int pid, int signal) => _ = NativeKill(pid, signal);
}
