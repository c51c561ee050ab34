namespace Acode.Application.Compute.Ssh;

/// <summary>The <c>sshTarget:</c> section as written in the file (<see cref="SshTargetKeys"/>); <see cref="ToConfiguration"/> makes the target's settings.</summary>
public sealed record SshTargetSection
{
    /// <summary>Host name or address.</summary>
    public string Host { get; init; } = string.Empty;

    /// <summary>TCP port.</summary>
    public int Port { get; init; } = SshTargetConstants.DefaultPort;

    /// <summary>The remote user.</summary>
    public string User { get; init; } = string.Empty;

    /// <summary>The private key file (<c>~/</c> and relative paths are resolved by the caller).</summary>
    public string? PrivateKeyPath { get; init; }

    /// <summary>The pinned host key, <c>SHA256:...</c>.</summary>
    public string? HostKeyFingerprint { get; init; }

    /// <summary>A known_hosts file.</summary>
    public string? KnownHostsFile { get; init; }

    /// <summary>Accept and record a host key seen for the first time.</summary>
    public bool TrustOnFirstUse { get; init; }

    /// <summary>The remote folder under which workspaces are created.</summary>
    public string RemoteRoot { get; init; } = SshTargetConstants.DefaultWorkspaceRoot;

    /// <summary>The target's settings: the host key is checked by the fingerprint when pinned, else by trust on first use or known_hosts.</summary>
    public SshTargetConfiguration ToConfiguration() => new()
    {
        Host = Host.Trim(),
        Port = Port,
        Username = User.Trim(),
        PrivateKeyPath = PrivateKeyPath?.Trim(),
        HostKeyPolicy = HostKeyFingerprint is not null ? SshHostKeyPolicy.ExpectedFingerprint
            : TrustOnFirstUse ? SshHostKeyPolicy.TrustOnFirstUse
            : SshHostKeyPolicy.KnownHostsFile,
        ExpectedHostKeyFingerprint = HostKeyFingerprint?.Trim(),
        KnownHostsPath = KnownHostsFile?.Trim(),
        WorkspaceRoot = RemoteRoot.Trim(),
    };
}
