namespace Acode.Infrastructure.Compute.Ssh;

/// <summary>Unix permission bits of local files; no-ops on Windows, which has none to keep.</summary>
internal static class FileModes
{
    /// <summary>The permission bits (0777) of a local file or folder; 0644 on Windows.</summary>
    public static UnixFileMode Get(string path) =>
        OperatingSystem.IsWindows() ? (UnixFileMode)0x1A4 : File.GetUnixFileMode(path) & Mask;

    /// <summary>Sets the permission bits (0777) of a local file or folder.</summary>
    public static void Set(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode & Mask);
        }
    }

    private static UnixFileMode Mask => (UnixFileMode)0x1FF;
}
