using System.Formats.Tar;
using System.Security.Cryptography;
using Acode.Application.Compute;
using Acode.Application.Compute.Workspace;

namespace Acode.Infrastructure.Compute.Workspace;

/// <summary>
/// Writes a <see cref="WorkspaceFileSet"/> as one GNU tar stream: links as links, each file exactly as long as it
/// was when its header was written. A file that changed while it was read is written again at the end (a later
/// entry replaces an earlier one when tar extracts); if it changes again, the upload fails naming it, so a torn
/// copy is never what the command runs on.
/// </summary>
internal static class WorkspaceTarWriter
{
    private static readonly UnixFileMode ModeMask = (UnixFileMode)0x1FF;

    /// <summary>Bytes and files written and, when <paramref name="checksums"/> is given, each file's SHA-256 (hex).</summary>
    public static async Task<(long Bytes, int Files)> WriteAsync(Stream output, WorkspaceFileSet set, bool preserveModes, Dictionary<string, string>? checksums, CancellationToken cancellationToken)
    {
        long bytes = 0;
        var files = 0;
        await using var tar = new TarWriter(output, TarEntryFormat.Gnu, leaveOpen: true);
        var changed = new List<WorkspaceEntry>();
        foreach (var entry in set.Entries)
        {
            var written = await WriteEntryAsync(tar, set.Root, entry, preserveModes, checksums, cancellationToken).ConfigureAwait(false);
            if (written is null)
            {
                changed.Add(entry);
                continue;
            }

            files += entry.Kind == WorkspaceEntryKind.Directory ? 0 : 1;
            bytes += written.Value;
        }

        foreach (var entry in changed)
        {
            var written = await WriteEntryAsync(tar, set.Root, entry, preserveModes, checksums, cancellationToken).ConfigureAwait(false)
                ?? throw FileSnapshot.ChangedTwice(Path.Combine(set.Root, entry.Path));
            files++;
            bytes += written;
        }

        return (bytes, files);
    }

    // The bytes written, or null when the file changed while it was read.
    private static async Task<long?> WriteEntryAsync(TarWriter tar, string root, WorkspaceEntry entry, bool preserveModes, Dictionary<string, string>? checksums, CancellationToken cancellationToken)
    {
        var full = Path.Combine(root, entry.Path);
        switch (entry.Kind)
        {
            case WorkspaceEntryKind.Directory:
                await tar.WriteEntryAsync(new GnuTarEntry(TarEntryType.Directory, entry.Path + "/") { Mode = Mode(full, preserveModes, (UnixFileMode)0x1ED) }, cancellationToken).ConfigureAwait(false);
                return 0;
            case WorkspaceEntryKind.SymbolicLink:
                await tar.WriteEntryAsync(new GnuTarEntry(TarEntryType.SymbolicLink, entry.Path) { LinkName = entry.LinkTarget!, Mode = (UnixFileMode)0x1FF }, cancellationToken).ConfigureAwait(false);
                return 0;
        }

        var before = FileSnapshot.Take(full);
        if (!before.Exists)
        {
            throw new TransferFailedException($"{full} was removed while the workspace was being sent; nothing was run.");
        }

        var (length, stamp) = (before.Length, before.Modified);
        using var hash = checksums is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var file = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan | FileOptions.Asynchronous))
        {
            var data = new SnapshotStream(file, length, hash);
            var tarEntry = new GnuTarEntry(TarEntryType.RegularFile, entry.Path) { DataStream = data, Mode = Mode(full, preserveModes, (UnixFileMode)0x1A4), ModificationTime = stamp };
            await tar.WriteEntryAsync(tarEntry, cancellationToken).ConfigureAwait(false);
        }

        if (FileSnapshot.Take(full) != before)
        {
            return null;
        }

        if (checksums is not null)
        {
            checksums[entry.Path] = Convert.ToHexStringLower(hash!.GetHashAndReset());
        }

        return length;
    }

    private static UnixFileMode Mode(string path, bool preserve, UnixFileMode fallback) =>
        preserve && !OperatingSystem.IsWindows() ? File.GetUnixFileMode(path) & ModeMask : fallback;
}
