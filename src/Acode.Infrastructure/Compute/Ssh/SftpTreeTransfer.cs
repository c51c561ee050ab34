using Acode.Application.Compute;
using Acode.Application.Compute.Workspace;
using Acode.Infrastructure.Compute.Workspace;
using Renci.SshNet;

namespace Acode.Infrastructure.Compute.Ssh;

/// <summary>
/// The fallback for trees when the remote has no <c>tar</c>: file by file over SFTP (SSH.NET pipelines each
/// file's writes), on a separate SFTP connection that lives only for the transfer.
/// </summary>
internal static class SftpTreeTransfer
{
    private static readonly UnixFileMode ModeMask = (UnixFileMode)0x1FF;

    public static async Task<(long, int, bool, string)> UploadAsync(SshSession session, SshCommandExecutor executor, WorkspaceFileSet set, string remoteRoot, TransferOptions options, CancellationToken cancellationToken)
    {
        using var sftp = await session.ConnectSftpAsync(cancellationToken).ConfigureAwait(false);
        long bytes = 0;
        var files = 0;
        var made = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<string>();
        await EnsureDirectoryAsync(sftp, remoteRoot, made, cancellationToken).ConfigureAwait(false);
        foreach (var entry in set.Entries)
        {
            var local = Path.Combine(set.Root, entry.Path);
            var remote = remoteRoot.TrimEnd('/') + "/" + entry.Path;
            if (entry.Kind == WorkspaceEntryKind.Directory)
            {
                await EnsureDirectoryAsync(sftp, remote, made, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await EnsureDirectoryAsync(sftp, remote[..remote.LastIndexOf('/')], made, cancellationToken).ConfigureAwait(false);
                if (entry.Kind == WorkspaceEntryKind.SymbolicLink)
                {
                    links.Add($"ln -sfn -- {ShellQuote.Quote(entry.LinkTarget!)} {ShellQuote.Quote(remote)}");
                    files++;
                    continue;
                }

                bytes += await UploadFileAsync(sftp, local, remote, cancellationToken).ConfigureAwait(false);
                files++;
            }

            if (options.PreserveModes)
            {
                // SSH.NET takes the mode as the digits one would pass to chmod (755), not as bits.
                var digits = Convert.ToString((int)(FileModes.Get(local) & ModeMask), 8);
                sftp.ChangePermissions(remote, short.Parse(digits, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (links.Count > 0)
        {
            // Links are sent as links, never followed out of the workspace; made over exec because SSH.NET's SFTP
            // symlink call makes a relative target absolute.
            await executor.RunInternalAsync(string.Join(" && ", links), cancellationToken).ConfigureAwait(false);
        }

        return (bytes, files, false, "sftp");
    }

    // Sends the file again if it changed while it was read, once; then fails rather than leave a torn copy.
    private static async Task<long> UploadFileAsync(SftpClient sftp, string local, string remote, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var before = FileSnapshot.Take(local);
            await using (var stream = new FileStream(local, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan | FileOptions.Asynchronous))
            {
                await sftp.UploadFileAsync(stream, remote, cancellationToken).ConfigureAwait(false);
            }

            if (FileSnapshot.Take(local) == before)
            {
                return before.Length;
            }

            if (attempt == 2)
            {
                throw FileSnapshot.ChangedTwice(local);
            }
        }
    }

    public static async Task<(long, int, bool, string)> DownloadAsync(SshSession session, string remoteRoot, string localRoot, TransferOptions options, CancellationToken cancellationToken)
    {
        using var sftp = await session.ConnectSftpAsync(cancellationToken).ConfigureAwait(false);
        long bytes = 0;
        var files = 0;
        var pending = new Stack<(string Remote, string Local)>([(remoteRoot, localRoot)]);
        while (pending.TryPop(out var folder))
        {
            Directory.CreateDirectory(folder.Local);
            await foreach (var item in sftp.ListDirectoryAsync(folder.Remote, cancellationToken).ConfigureAwait(false))
            {
                if (item.Name is "." or "..")
                {
                    continue;
                }

                var local = Path.Combine(folder.Local, item.Name);
                if (item.IsDirectory)
                {
                    pending.Push((item.FullName, local));
                }
                else if (item.IsRegularFile)
                {
                    await using (var stream = File.Create(local))
                    {
                        await sftp.DownloadFileAsync(item.FullName, stream, cancellationToken).ConfigureAwait(false);
                    }

                    bytes += item.Length;
                    files++;
                }
                else
                {
                    continue;
                }

                if (options.PreserveModes && item.IsRegularFile)
                {
                    FileModes.Set(local, (UnixFileMode)ModeOf(item));
                }
            }
        }

        return (bytes, files, false, "sftp");
    }

    private static int ModeOf(Renci.SshNet.Sftp.ISftpFile item) =>
        (item.OwnerCanRead ? 0x100 : 0) | (item.OwnerCanWrite ? 0x80 : 0) | (item.OwnerCanExecute ? 0x40 : 0)
        | (item.GroupCanRead ? 0x20 : 0) | (item.GroupCanWrite ? 0x10 : 0) | (item.GroupCanExecute ? 0x8 : 0)
        | (item.OthersCanRead ? 0x4 : 0) | (item.OthersCanWrite ? 0x2 : 0) | (item.OthersCanExecute ? 0x1 : 0);

    private static async Task EnsureDirectoryAsync(SftpClient sftp, string path, HashSet<string> made, CancellationToken cancellationToken)
    {
        var current = path.StartsWith('/') ? string.Empty : ".";
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current += "/" + part;
            if (made.Add(current) && !await sftp.ExistsAsync(current, cancellationToken).ConfigureAwait(false))
            {
                await sftp.CreateDirectoryAsync(current, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
