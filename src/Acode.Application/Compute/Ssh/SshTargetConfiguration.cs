namespace Acode.Application.Compute.Ssh;

/// <summary>
/// How to reach a machine over SSH. Give the private key either as a file (<see cref="PrivateKeyPath"/>) or as
/// text (<see cref="PrivateKey"/>, OpenSSH or PEM format). <see cref="ToString"/> never prints key material.
/// </summary>
public sealed record SshTargetConfiguration : ComputeTargetConfiguration
{
    /// <inheritdoc />
    public override string TargetType => SshTargetConstants.TargetType;

    /// <summary>Host name or IP address.</summary>
    public required string Host { get; init; }

    /// <summary>TCP port.</summary>
    public int Port { get; init; } = SshTargetConstants.DefaultPort;

    /// <summary>The remote user.</summary>
    public required string Username { get; init; }

    /// <summary>Path of the private key file.</summary>
    public string? PrivateKeyPath { get; init; }

    /// <summary>The private key itself (OpenSSH or PEM text), for keys that never touch the disk.</summary>
    public string? PrivateKey { get; init; }

    /// <summary>The key's passphrase, when it has one.</summary>
    public string? Passphrase { get; init; }

    /// <summary>How the server's host key is checked.</summary>
    public SshHostKeyPolicy HostKeyPolicy { get; init; } = SshHostKeyPolicy.KnownHostsFile;

    /// <summary>The expected host key fingerprint, <c>SHA256:</c> followed by unpadded base64 (as <c>ssh-keygen -l</c> prints).</summary>
    public string? ExpectedHostKeyFingerprint { get; init; }

    /// <summary>A known_hosts file (OpenSSH format, hashed names supported); defaults to <c>~/.ssh/known_hosts</c>.</summary>
    public string? KnownHostsPath { get; init; }

    /// <summary>Timeout of connect, handshake and authentication.</summary>
    public TimeSpan ConnectTimeout { get; init; } = SshTargetConstants.DefaultConnectTimeout;

    /// <summary>Keep-alive interval of the persistent connection; zero or negative disables keep-alives.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = SshTargetConstants.DefaultKeepAliveInterval;

    /// <summary>
    /// Prefer the post-quantum hybrid key exchanges (mlkem768x25519, sntrup761x25519) when the server offers them.
    /// Off by default: SSH.NET computes them in managed code, which adds about 120 ms to every connect here, so
    /// curve25519-sha256 is preferred; turn this on where recorded traffic must resist future quantum attacks.
    /// </summary>
    public bool PreferPostQuantumKeyExchange { get; init; }

    /// <summary>The remote folder under which workspaces are created; <c>~</c> is resolved once to the remote home.</summary>
    public string WorkspaceRoot { get; init; } = SshTargetConstants.DefaultWorkspaceRoot;

    /// <summary>Returns every problem as <c>field: problem</c>; empty when the configuration is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add("ssh.host: is required");
        }

        if (Port is < 1 or > 65535)
        {
            errors.Add($"ssh.port: must be between 1 and 65535, got {Port}");
        }

        if (string.IsNullOrWhiteSpace(Username))
        {
            errors.Add("ssh.username: is required");
        }

        if (string.IsNullOrWhiteSpace(PrivateKeyPath) == string.IsNullOrWhiteSpace(PrivateKey))
        {
            errors.Add("ssh.privateKey: give exactly one of privateKeyPath or privateKey");
        }

        if (HostKeyPolicy == SshHostKeyPolicy.ExpectedFingerprint
            && (ExpectedHostKeyFingerprint is null || !ExpectedHostKeyFingerprint.StartsWith("SHA256:", StringComparison.Ordinal)))
        {
            errors.Add("ssh.expectedHostKeyFingerprint: must be 'SHA256:<base64>' when hostKeyPolicy is ExpectedFingerprint");
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            errors.Add($"ssh.connectTimeout: must be positive, got {ConnectTimeout}");
        }

        if (string.IsNullOrWhiteSpace(WorkspaceRoot))
        {
            errors.Add("ssh.workspaceRoot: is required");
        }

        return errors;
    }

    /// <summary>Describes the target without key material.</summary>
    public override string ToString() =>
        $"ssh://{Username}@{Host}:{Port} (key: {(PrivateKeyPath is not null ? PrivateKeyPath : "in memory")}, host key policy: {HostKeyPolicy})";
}
