using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Acode.Application.Compute;
using Acode.Application.Compute.Ssh;
using Microsoft.Extensions.Logging;
using Renci.SshNet;
using AcodeSshAuthenticationException = Acode.Application.Compute.Ssh.SshAuthenticationException;
using AcodeSshConnectionException = Acode.Application.Compute.Ssh.SshConnectionException;

namespace Acode.Infrastructure.Compute.Ssh;

/// <summary>
/// One persistent SSH.NET connection for a target, re-established on demand when it dropped. Maps SSH.NET's
/// failures to acode's: unreachable (<see cref="AcodeSshConnectionException"/>), refused key
/// (<see cref="AcodeSshAuthenticationException"/>) and untrusted host key (<see cref="HostKeyMismatchException"/>).
/// </summary>
internal sealed class SshSession : IDisposable
{
    // AES-GCM runs on the CPU's AES instructions through .NET and needs no separate MAC: the fastest cipher here.
    private static readonly string[] PreferredCiphers = ["aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr"];

    // The post-quantum hybrids cost ~120 ms per connect in managed code; classic curve25519 ~1 ms (see the option).
    private static readonly string[] FastKeyExchanges = ["curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256"];

    private readonly SshTargetConfiguration _configuration;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly HostKeyVerifier _verifier;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SshClient? _client;
    private bool _disposed;

    public SshSession(SshTargetConfiguration configuration, TimeProvider timeProvider, ILogger logger)
    {
        _configuration = configuration;
        _timeProvider = timeProvider;
        _logger = logger;
        _verifier = new HostKeyVerifier(configuration, logger);
    }

    /// <summary>The configuration this session connects with.</summary>
    public SshTargetConfiguration Configuration => _configuration;

    /// <summary>The fingerprint of the host key accepted at the last connect.</summary>
    public string? HostKeyFingerprint => _verifier.AcceptedFingerprint;

    /// <summary>The server's identification string from the last connect.</summary>
    public string? ServerVersion => _client?.ConnectionInfo.ServerVersion;

    /// <summary>Returns the connected client, connecting or reconnecting first when needed.</summary>
    public async Task<SshClient> GetClientAsync(string targetId, CancellationToken cancellationToken)
    {
        var current = _client;
        if (current is { IsConnected: true })
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_client is { IsConnected: true })
            {
                return _client;
            }

            if (_client is not null)
            {
                _logger.SshReconnecting(targetId, _configuration.Host, _configuration.Port);
                _client.Dispose();
                _client = null;
            }

            _client = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            return _client;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the client if it is still the given one, so the next use reconnects.</summary>
    public void Invalidate(SshClient client)
    {
        if (Interlocked.CompareExchange(ref _client, null, client) == client)
        {
            client.Dispose();
        }
    }

    /// <summary>True for failures that mean the connection itself is gone.</summary>
    public static bool IsConnectionLost(Exception exception) =>
        exception is Renci.SshNet.Common.SshConnectionException or SocketException or ObjectDisposedException or IOException
        || (exception is InvalidOperationException && exception.Message.Contains("not connected", StringComparison.OrdinalIgnoreCase));

    /// <summary>Opens a new, authenticated connection.</summary>
    public Task<SshClient> ConnectAsync(CancellationToken cancellationToken) =>
        ConnectAsync(info => new SshClient(info), cancellationToken);

    /// <summary>Opens a separate SFTP connection with the same settings and host-key checks.</summary>
    public Task<SftpClient> ConnectSftpAsync(CancellationToken cancellationToken) =>
        ConnectAsync(info => new SftpClient(info), cancellationToken);

    private async Task<TClient> ConnectAsync<TClient>(Func<ConnectionInfo, TClient> create, CancellationToken cancellationToken)
        where TClient : BaseClient
    {
        var host = _configuration.Host;
        var port = _configuration.Port;
        _logger.SshConnecting(_configuration.Username, host, port);
        var started = _timeProvider.GetTimestamp();

        var info = new ConnectionInfo(host, port, _configuration.Username, new PrivateKeyAuthenticationMethod(_configuration.Username, LoadKey()))
        {
            Timeout = _configuration.ConnectTimeout,
        };
        Prefer(info.Encryptions, PreferredCiphers);
        if (!_configuration.PreferPostQuantumKeyExchange)
        {
            Prefer(info.KeyExchangeAlgorithms, FastKeyExchanges);
        }

        var client = create(info);
        if (_configuration.KeepAliveInterval > TimeSpan.Zero)
        {
            client.KeepAliveInterval = _configuration.KeepAliveInterval;
        }

        client.HostKeyReceived += (_, e) => e.CanTrust = _verifier.Verify(e.HostKey);

        using var timeout = new CancellationTokenSource(_configuration.ConnectTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await client.ConnectAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Renci.SshNet.Common.SshAuthenticationException ex)
        {
            client.Dispose();
            throw new AcodeSshAuthenticationException(_configuration.Username, host, port, ex);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new AcodeSshConnectionException(host, port, $"Connecting to {host}:{port} timed out after {_configuration.ConnectTimeout.TotalSeconds:0.#} s.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            client.Dispose();
            if (_verifier.Rejection is { } rejection)
            {
                throw rejection;
            }

            throw new AcodeSshConnectionException(host, port, $"Could not connect to {host}:{port}: {ex.Message}", ex);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        var elapsedMs = (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds;
        _logger.SshConnected(host, port, elapsedMs, _verifier.AcceptedFingerprint ?? "?");
        return client;
    }

    public void Dispose()
    {
        _disposed = true;
        Interlocked.Exchange(ref _client, null)?.Dispose();
    }

    private PrivateKeyFile LoadKey()
    {
        try
        {
            if (_configuration.PrivateKey is { } text)
            {
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
                return new PrivateKeyFile(stream, _configuration.Passphrase);
            }

            return new PrivateKeyFile(_configuration.PrivateKeyPath!, _configuration.Passphrase);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The message names the problem kind only: key text and passphrase never reach it.
            var source = _configuration.PrivateKey is null ? $"file {_configuration.PrivateKeyPath}" : "given in memory";
            throw new InvalidConfigurationException($"ssh.privateKey: the key {source} could not be read ({ex.GetType().Name}); check its format and passphrase");
        }
    }

    // SSH.NET offers algorithms in dictionary order; re-adding puts the preferred ones first and keeps the rest.
    private static void Prefer<TValue>(IDictionary<string, TValue> algorithms, string[] preferred)
    {
        var all = algorithms.ToList();
        algorithms.Clear();
        foreach (var entry in all.OrderBy(e => Array.IndexOf(preferred, e.Key) is var i && i >= 0 ? i : preferred.Length))
        {
            algorithms.Add(entry.Key, entry.Value);
        }

        Debug.Assert(algorithms.Count == all.Count, "reordering keeps every algorithm");
    }
}
