using Acode.Application.Compute;

namespace Acode.Infrastructure.Compute.Workspace;

/// <summary>A file's length and modification time, taken before and after it is read to find a torn read.</summary>
internal readonly record struct FileSnapshot(bool Exists, long Length, DateTime Modified)
{
    /// <summary>Reads the snapshot of <paramref name="path"/> now.</summary>
    public static FileSnapshot Take(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileSnapshot(true, info.Length, info.LastWriteTimeUtc) : default;
    }

    /// <summary>The failure after the one retry: the file kept changing.</summary>
    public static TransferFailedException ChangedTwice(string path) =>
        new($"{path} changed while it was being read, twice; nothing was run. Stop what writes it, or leave it out with --exclude.");
}
