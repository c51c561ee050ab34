using System.Buffers;
using System.Formats.Tar;
using System.Globalization;
using System.Security.Cryptography;
using Acode.Application.Compute;
using Acode.Application.Compute.Workspace;
using Acode.Domain.Compute;
using Acode.Infrastructure.Compute.Workspace;
using Microsoft.Extensions.Logging;
using Renci.SshNet;
using static Acode.Infrastructure.Compute.Ssh.ShellQuote;

namespace Acode.Infrastructure.Compute.Ssh;

/// <summary>
/// Moves files over exec channels of the persistent connection: one file is piped through <c>cat</c>, a tree is
/// streamed as one tar archive (far fewer round trips than a file-by-file protocol). Nothing is held whole in
/// memory: data flows through one buffer, and checksums are computed while it flows.
/// </summary>
internal sealed class SshTransfer
{
    private const int BufferSize = 256 * 1024;
    private static readonly UnixFileMode ModeMask = (UnixFileMode)0x1FF;
    private readonly SshSession _session;
    private readonly SshCommandExecutor _executor;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _targetId;
    private bool? _remoteHasTar;

    public SshTransfer(SshSession session, SshCommandExecutor executor, string targetId, TimeProvider timeProvider, ILogger logger)
    {
        _session = session;
        _executor = executor;
        _targetId = targetId;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Test seam: false forces the SFTP fallback for trees, as on a remote without <c>tar</c>.</summary>
    internal bool? RemoteHasTar
    {
        get => _remoteHasTar;
        set => _remoteHasTar = value;
    }

    /// <summary>Uploads a file or a directory tree to an absolute remote path.</summary>
    public async Task<TransferResult> UploadAsync(string localPath, string remotePath, TransferOptions options, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        (long Bytes, int Files, bool Verified, string Method) outcome;
        if (File.Exists(localPath))
        {
            outcome = await UploadFileAsync(localPath, remotePath, options, cancellationToken).ConfigureAwait(false);
        }
        else if (Directory.Exists(localPath))
        {
            outcome = await UploadTreeAsync(WorkspaceScanner.Everything(localPath), remotePath, options, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new TransferFailedException($"Cannot upload {localPath}: no such file or directory.");
        }

        return Complete("upload", outcome, started);
    }

    /// <summary>Downloads a remote file or directory tree (absolute path) to a local path.</summary>
    public async Task<TransferResult> DownloadAsync(string remotePath, string localPath, TransferOptions options, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        var (exitCode, stat, _) = await _executor.ExecuteRawAsync($"stat -L -c '%a %F' -- {Quote(remotePath)}", cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new TransferFailedException($"Cannot download {remotePath}: no such remote file or directory.");
        }

        var space = stat.IndexOf(' ', StringComparison.Ordinal);
        var mode = (UnixFileMode)Convert.ToInt32(stat[..space], 8);
        var kind = stat[(space + 1)..].Trim();
        var outcome = kind == "directory"
            ? await DownloadTreeAsync(remotePath, localPath, options, cancellationToken).ConfigureAwait(false)
            : await DownloadFileAsync(remotePath, localPath, mode, options, cancellationToken).ConfigureAwait(false);
        return Complete("download", outcome, started);
    }

    private TransferResult Complete(string direction, (long Bytes, int Files, bool Verified, string Method) outcome, long started)
    {
        var duration = _timeProvider.GetElapsedTime(started);
        _logger.SshTransferCompleted(_targetId, direction, outcome.Files, outcome.Bytes, outcome.Method, (long)duration.TotalMilliseconds, outcome.Verified);
        return new TransferResult(outcome.Bytes, outcome.Files, duration, outcome.Verified);
    }

    private async Task<(long, int, bool, string)> UploadFileAsync(string localPath, string remotePath, TransferOptions options, CancellationToken cancellationToken)
    {
        var parent = RemoteParent(remotePath);
        var chmod = options.PreserveModes ? $" && chmod {ModeText(FileModes.Get(localPath))} -- {Quote(remotePath)}" : string.Empty;
        var commandText = $"mkdir -p -- {Quote(parent)} && cat > {Quote(remotePath)}{chmod}";
        using var hash = options.VerifyChecksum ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        long bytes = 0;

        await RunWithInputAsync(commandText, async input =>
        {
            await using var file = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
            bytes = await CopyAsync(file, input, hash, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        var verified = false;
        if (hash is not null)
        {
            var remote = await RemoteChecksumsAsync(parent, [remotePath], cancellationToken).ConfigureAwait(false);
            verified = Verify(Convert.ToHexStringLower(hash.GetHashAndReset()), remote.GetValueOrDefault(remotePath), remotePath);
        }

        return (bytes, 1, verified, "exec cat");
    }

    /// <summary>Uploads a workspace file set to an absolute remote folder: one tar stream, or SFTP without tar.</summary>
    public async Task<TransferResult> UploadSetAsync(WorkspaceFileSet set, string remoteRoot, TransferOptions options, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        return Complete("upload", await UploadTreeAsync(set, remoteRoot, options, cancellationToken).ConfigureAwait(false), started);
    }

    private async Task<(long, int, bool, string)> UploadTreeAsync(WorkspaceFileSet set, string remoteRoot, TransferOptions options, CancellationToken cancellationToken)
    {
        if (set.Entries.Count == 0)
        {
            // TarWriter writes no bytes at all for an archive without entries, and the remote tar then never finishes.
            var made = await _executor.ExecuteRawAsync($"mkdir -p -- {Quote(remoteRoot)}", cancellationToken).ConfigureAwait(false);
            return made.ExitCode == 0
                ? (0, 0, true, "mkdir (empty folder)")
                : throw new TransferFailedException($"Remote transfer command failed (exit {made.ExitCode.ToString(CultureInfo.InvariantCulture)}): {Application.Security.SecretRedactor.Redact(made.Stderr.Trim())}");
        }

        if (!await RemoteHasTarAsync(cancellationToken).ConfigureAwait(false))
        {
            _logger.SshSftpFallback(_targetId);
            return await SftpTreeTransfer.UploadAsync(_session, _executor, set, remoteRoot, options, cancellationToken).ConfigureAwait(false);
        }

        var preserve = options.PreserveModes ? " -p" : string.Empty;
        var commandText = $"mkdir -p -- {Quote(remoteRoot)} && tar -x{preserve} --no-same-owner -f - -C {Quote(remoteRoot)}";
        var local = options.VerifyChecksum ? new Dictionary<string, string>(StringComparer.Ordinal) : null;
        (long Bytes, int Files) written = default;
        await RunWithInputAsync(commandText, async input =>
        {
            await using var buffered = new BufferedStream(input, BufferSize);
            written = await WorkspaceTarWriter.WriteAsync(buffered, set, options.PreserveModes, local, cancellationToken).ConfigureAwait(false);
            await buffered.FlushAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        var verified = local is not null && await VerifyTreeAsync(local, remoteRoot, cancellationToken).ConfigureAwait(false);
        return (written.Bytes, written.Files, verified, "tar over exec");
    }

    private async Task<(long, int, bool, string)> DownloadFileAsync(string remotePath, string localPath, UnixFileMode mode, TransferOptions options, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(localPath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var hash = options.VerifyChecksum ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        long bytes = 0;
        await RunWithOutputAsync($"cat -- {Quote(remotePath)}", async output =>
        {
            await using var file = new FileStream(localPath, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            bytes = await CopyAsync(output, file, hash, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        if (options.PreserveModes)
        {
            FileModes.Set(localPath, mode & ModeMask);
        }

        var verified = false;
        if (hash is not null)
        {
            var remote = await RemoteChecksumsAsync(RemoteParent(remotePath), [remotePath], cancellationToken).ConfigureAwait(false);
            verified = Verify(Convert.ToHexStringLower(hash.GetHashAndReset()), remote.GetValueOrDefault(remotePath), remotePath);
        }

        return (bytes, 1, verified, "exec cat");
    }

    private async Task<(long, int, bool, string)> DownloadTreeAsync(string remoteRoot, string localRoot, TransferOptions options, CancellationToken cancellationToken)
    {
        if (!await RemoteHasTarAsync(cancellationToken).ConfigureAwait(false))
        {
            _logger.SshSftpFallback(_targetId);
            return await SftpTreeTransfer.DownloadAsync(_session, remoteRoot, localRoot, options, cancellationToken).ConfigureAwait(false);
        }

        Directory.CreateDirectory(localRoot);
        var root = Path.GetFullPath(localRoot);
        long bytes = 0;
        var files = 0;
        var local = new Dictionary<string, string>(StringComparer.Ordinal);
        await RunWithOutputAsync($"tar -c -f - -C {Quote(remoteRoot)} .", async output =>
        {
            await using var buffered = new BufferedStream(output, BufferSize);
            await using var reader = new TarReader(buffered, leaveOpen: true);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
            {
                var name = entry.Name.TrimStart('.', '/');
                if (name.Length == 0)
                {
                    continue;
                }

                var target = Path.GetFullPath(Path.Combine(root, name));
                if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new TransferFailedException($"Refusing remote archive entry outside the destination: {entry.Name}");
                }

                var (entryBytes, checksum) = await ExtractAsync(entry, target, options, cancellationToken).ConfigureAwait(false);
                if (checksum is not null)
                {
                    files++;
                    bytes += entryBytes;
                    local[name.TrimEnd('/')] = checksum;
                }
            }
        }, cancellationToken).ConfigureAwait(false);

        var verified = options.VerifyChecksum && await VerifyTreeAsync(local, remoteRoot, cancellationToken).ConfigureAwait(false);
        return (bytes, files, verified, "tar over exec");
    }

    // Returns the bytes written and, for a regular file, its checksum ("" when not verifying).
    private static async Task<(long, string?)> ExtractAsync(TarEntry entry, string target, TransferOptions options, CancellationToken cancellationToken)
    {
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                Directory.CreateDirectory(target);
                if (options.PreserveModes)
                {
                    FileModes.Set(target, entry.Mode & ModeMask);
                }

                return (0, null);
            case TarEntryType.SymbolicLink:
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Delete(target);
                File.CreateSymbolicLink(target, entry.LinkName);
                return (0, null);
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using (var hash = options.VerifyChecksum ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null)
                {
                    long written = 0;
                    await using (var file = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
                    {
                        if (entry.DataStream is { } data)
                        {
                            written = await CopyAsync(data, file, hash, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    if (options.PreserveModes)
                    {
                        FileModes.Set(target, entry.Mode & ModeMask);
                    }

                    return (written, hash is null ? string.Empty : Convert.ToHexStringLower(hash.GetHashAndReset()));
                }

            default:
                // Devices, fifos and hard links are not workspace content.
                return (0, null);
        }
    }

    private async Task<bool> VerifyTreeAsync(Dictionary<string, string> local, string remoteRoot, CancellationToken cancellationToken)
    {
        var remote = await RemoteChecksumsAsync(remoteRoot, null, cancellationToken).ConfigureAwait(false);
        foreach (var (name, checksum) in local)
        {
            Verify(checksum, remote.GetValueOrDefault(remoteRoot.TrimEnd('/') + "/" + name), name);
        }

        return true;
    }

    private static bool Verify(string local, string? remote, string name) =>
        string.Equals(local, remote, StringComparison.Ordinal)
            ? true
            : throw new TransferFailedException($"Checksum mismatch for {name}: local {local}, remote {remote ?? "(missing)"}.");

    // Maps absolute remote path -> lowercase hex SHA-256. With no list, every regular file under the folder.
    private async Task<Dictionary<string, string>> RemoteChecksumsAsync(string folder, IReadOnlyList<string>? paths, CancellationToken cancellationToken)
    {
        var commandText = paths is null
            ? $"cd -- {Quote(folder)} && find . -type f -exec sha256sum -- {{}} +"
            : "sha256sum -- " + string.Join(' ', paths.Select(Quote));
        var output = await _executor.RunInternalAsync(commandText, cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var checksum = line[..64];
            var name = line[66..];
            result[paths is null ? folder.TrimEnd('/') + "/" + name[2..] : name] = checksum;
        }

        return result;
    }

    private async Task<bool> RemoteHasTarAsync(CancellationToken cancellationToken)
    {
        _remoteHasTar ??= (await _executor.ExecuteRawAsync("command -v tar >/dev/null 2>&1", cancellationToken).ConfigureAwait(false)).ExitCode == 0;
        return _remoteHasTar.Value;
    }

    private async Task RunWithInputAsync(string commandText, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        var client = await _session.GetClientAsync(_targetId, cancellationToken).ConfigureAwait(false);
        using var command = client.CreateCommand(commandText);
        var execution = command.ExecuteAsync(cancellationToken);
        Exception? writeError = null;
        try
        {
            await using var input = command.CreateInputStream();
            await write(input).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The remote side may have failed first (e.g. disk full); its exit status explains more than the write error.
            writeError = ex;
        }

        await execution.ConfigureAwait(false);
        if (command.ExitStatus != 0 || writeError is not null)
        {
            throw new TransferFailedException($"Remote transfer command failed (exit {command.ExitStatus?.ToString(CultureInfo.InvariantCulture) ?? "?"}): {Application.Security.SecretRedactor.Redact(command.Error.Trim())}", writeError);
        }
    }

    private async Task RunWithOutputAsync(string commandText, Func<Stream, Task> read, CancellationToken cancellationToken)
    {
        var client = await _session.GetClientAsync(_targetId, cancellationToken).ConfigureAwait(false);
        using var command = client.CreateCommand(commandText);
        var execution = command.ExecuteAsync(cancellationToken);
        var stderr = new OutputPump(64 * 1024, null);
        var stderrTask = stderr.RunAsync(command.ExtendedOutputStream, CancellationToken.None);
        await read(command.OutputStream).ConfigureAwait(false);
        await execution.ConfigureAwait(false);
        await stderrTask.ConfigureAwait(false);
        if (command.ExitStatus != 0)
        {
            throw new TransferFailedException($"Remote transfer command failed (exit {command.ExitStatus?.ToString(CultureInfo.InvariantCulture) ?? "?"}): {Application.Security.SecretRedactor.Redact(stderr.Text.Trim())}");
        }
    }

    private static async Task<long> CopyAsync(Stream source, Stream destination, IncrementalHash? hash, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash?.AppendData(buffer, 0, read);
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                total += read;
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string RemoteParent(string remotePath)
    {
        var slash = remotePath.TrimEnd('/').LastIndexOf('/');
        return slash <= 0 ? "/" : remotePath[..slash];
    }

    private static string ModeText(UnixFileMode mode) => Convert.ToString((int)(mode & ModeMask), 8).PadLeft(4, '0');
}
