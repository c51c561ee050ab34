using Acode.Application.Compute;
using Acode.Application.Compute.Ssh;
using Acode.Domain.Compute;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Acode.Infrastructure.Compute.Ssh;

/// <summary>
/// A compute target reached over SSH (SSH.NET) on one persistent connection, re-established transparently when it
/// drops between commands. Commands run in their own process group so timeouts and cancellation stop the whole
/// remote tree; trees move as one tar stream; teardown removes the remote workspace unless it is kept.
/// </summary>
public sealed class SshComputeTarget : IComputeTarget
{
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(30);
    private readonly SshSession _session;
    private readonly SshCommandExecutor _executor;
    private readonly SshTransfer _transfer;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private string? _home;
    private string? _remoteRoot;
    private bool _keepOnTeardown;

    public SshComputeTarget(SshTargetConfiguration configuration, TimeProvider? timeProvider = null, ILogger<SshComputeTarget>? logger = null)
    {
        var errors = configuration.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidConfigurationException(errors);
        }

        Configuration = configuration;
        TargetId = "ssh-" + Guid.NewGuid().ToString("N")[..12];
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<SshComputeTarget>.Instance;
        _session = new SshSession(configuration, _timeProvider, _logger);
        _executor = new SshCommandExecutor(_session, TargetId, _timeProvider, _logger);
        _transfer = new SshTransfer(_session, _executor, TargetId, _timeProvider, _logger);
    }

    /// <summary>The transfer engine (internal: tests force its SFTP fallback).</summary>
    internal SshTransfer Transfer => _transfer;

    /// <summary>The configuration this target connects with.</summary>
    public SshTargetConfiguration Configuration { get; }

    /// <inheritdoc />
    public string TargetId { get; }

    /// <inheritdoc />
    public string TargetType => SshTargetConstants.TargetType;

    /// <inheritdoc />
    public ComputeTargetState State { get; private set; } = ComputeTargetState.NotProvisioned;

    /// <inheritdoc />
    public bool IsReady => State == ComputeTargetState.Ready;

    /// <summary>The absolute remote workspace path once prepared.</summary>
    public string? RemoteRoot => _remoteRoot;

    /// <summary>The fingerprint (<c>SHA256:...</c>) of the host key accepted at the last connect.</summary>
    public string? HostKeyFingerprint => _session.HostKeyFingerprint;

    /// <summary>
    /// Connects once (TCP, handshake, host-key check, authentication) and disconnects: the readiness probe a
    /// provisioner polls. Throws <see cref="SshConnectionException"/> while the server is not answering (retry),
    /// and <see cref="SshAuthenticationException"/> or <see cref="HostKeyMismatchException"/> when it answers but
    /// must not be used (do not retry).
    /// </summary>
    public static async Task<SshProbeResult> ProbeAsync(SshTargetConfiguration configuration, TimeProvider? timeProvider = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var clock = timeProvider ?? TimeProvider.System;
        var started = clock.GetTimestamp();
        using var session = new SshSession(configuration, clock, logger ?? NullLogger.Instance);
        using var client = await session.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var result = new SshProbeResult(session.HostKeyFingerprint!, client.ConnectionInfo.ServerVersion ?? string.Empty, clock.GetElapsedTime(started));
        client.Disconnect();
        return result;
    }

    /// <inheritdoc />
    public async Task<WorkspacePrepareResult> PrepareAsync(WorkspaceContext context, CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (State != ComputeTargetState.NotProvisioned)
            {
                throw new TargetNotReadyException(TargetId, State, "prepare (a target is prepared once)");
            }

            State = ComputeTargetState.Provisioning;
            var started = _timeProvider.GetTimestamp();
            try
            {
                // One round trip: create the workspace and learn the remote home, which anchors every relative path.
                var requested = context.RemoteRoot ?? Configuration.WorkspaceRoot.TrimEnd('/') + "/" + TargetId;
                var shellPath = requested == "~" ? "\"$HOME\""
                    : requested.StartsWith("~/", StringComparison.Ordinal) ? "\"$HOME\"/" + ShellQuote.Quote(requested[2..])
                    : requested.StartsWith('/') ? ShellQuote.Quote(requested)
                    : "\"$HOME\"/" + ShellQuote.Quote(requested);
                _home = (await _executor.RunInternalAsync($"mkdir -p -- {shellPath} && printf %s \"$HOME\"", cancellationToken).ConfigureAwait(false)).Trim();
                var root = ResolveAgainstHome(requested);
                _remoteRoot = root;
                _keepOnTeardown = context.KeepOnTeardown;

                var (files, bytes) = await UploadWorkspaceAsync(context, root, cancellationToken).ConfigureAwait(false);
                State = ComputeTargetState.Ready;
                _logger.SshWorkspacePrepared(TargetId, root, files, bytes);
                return new WorkspacePrepareResult(root, files, bytes, _timeProvider.GetElapsedTime(started));
            }
            catch
            {
                State = ComputeTargetState.Failed;
                throw;
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <inheritdoc />
    public Task<ExecuteResult> ExecuteAsync(string command, ExecuteOptions? options = null, CancellationToken cancellationToken = default)
    {
        EnsureReady("execute a command");
        options ??= new ExecuteOptions();
        var workingDirectory = options.WorkingDirectory is null ? _remoteRoot! : ResolveRemotePath(options.WorkingDirectory);
        return _executor.ExecuteAsync(command, workingDirectory, options, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TransferResult> UploadAsync(string localPath, string remotePath, TransferOptions? options = null, CancellationToken cancellationToken = default)
    {
        EnsureReady("upload");
        return _transfer.UploadAsync(localPath, ResolveRemotePath(remotePath), options ?? new TransferOptions(), cancellationToken);
    }

    /// <inheritdoc />
    public Task<TransferResult> DownloadAsync(string remotePath, string localPath, TransferOptions? options = null, CancellationToken cancellationToken = default)
    {
        EnsureReady("download");
        return _transfer.DownloadAsync(ResolveRemotePath(remotePath), localPath, options ?? new TransferOptions(), cancellationToken);
    }

    /// <inheritdoc />
    public async Task TeardownAsync(CancellationToken cancellationToken = default)
    {
        // Cleanup must finish even when the caller is being cancelled: it gets its own bounded token.
        using var cleanup = new CancellationTokenSource(CleanupTimeout, _timeProvider);
        await _lifecycle.WaitAsync(cleanup.Token).ConfigureAwait(false);
        try
        {
            if (State is ComputeTargetState.Terminated)
            {
                return;
            }

            var hadWorkspace = _remoteRoot is not null;
            State = ComputeTargetState.TearingDown;
            if (hadWorkspace && !_keepOnTeardown)
            {
                try
                {
                    await _executor.RunInternalAsync($"rm -rf -- {ShellQuote.Quote(_remoteRoot!)}", cleanup.Token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    _logger.SshTeardownFailed(TargetId, ex);
                }
            }

            _session.Dispose();
            State = ComputeTargetState.Terminated;
            _logger.SshTornDown(TargetId, _remoteRoot ?? "(none)", _keepOnTeardown);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await TeardownAsync().ConfigureAwait(false);

    private async Task<(int Files, long Bytes)> UploadWorkspaceAsync(WorkspaceContext context, string root, CancellationToken cancellationToken)
    {
        if (context.LocalRoot is null)
        {
            return (0, 0);
        }

        if (context.SyncPaths.Count == 0)
        {
            var set = context.FileSet ?? await Workspace.WorkspaceScanner.ScanAsync(context.LocalRoot, new Application.Compute.Workspace.WorkspaceRules(), cancellationToken).ConfigureAwait(false);
            var sent = await _transfer.UploadSetAsync(set, root, new TransferOptions(), cancellationToken).ConfigureAwait(false);
            return (sent.Files, sent.Bytes);
        }

        var sources = context.SyncPaths;
        var files = 0;
        long bytes = 0;
        foreach (var relative in sources)
        {
            var local = Path.Combine(context.LocalRoot, relative);
            var remote = root + "/" + relative.Replace('\\', '/').Trim('/');
            var result = await _transfer.UploadAsync(local, remote, new TransferOptions(), cancellationToken).ConfigureAwait(false);
            files += result.Files;
            bytes += result.Bytes;
        }

        return (files, bytes);
    }

    private void EnsureReady(string operation)
    {
        var state = State;
        if (state != ComputeTargetState.Ready)
        {
            throw new TargetNotReadyException(TargetId, state, operation);
        }
    }

    private string ResolveRemotePath(string path) =>
        path.StartsWith('/') || path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? ResolveAgainstHome(path)
            : _remoteRoot!.TrimEnd('/') + "/" + path;

    // The home is resolved once over exec: relying on a server's starting folder would break where one Linux
    // user has several homes (the EC2 emulator gives each instance its own $HOME).
    private string ResolveAgainstHome(string path) =>
        path == "~" ? _home!
        : path.StartsWith("~/", StringComparison.Ordinal) ? _home!.TrimEnd('/') + path[1..]
        : path.StartsWith('/') ? path
        : _home!.TrimEnd('/') + "/" + path;
}
