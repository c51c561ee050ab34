namespace Acode.Application.Compute.Ssh;

/// <summary>How an SSH target decides whether to trust the server's host key.</summary>
public enum SshHostKeyPolicy
{
    /// <summary>Accept only the key whose fingerprint is <see cref="SshTargetConfiguration.ExpectedHostKeyFingerprint"/>.</summary>
    ExpectedFingerprint,

    /// <summary>Accept only a key listed for the host in <see cref="SshTargetConfiguration.KnownHostsPath"/>.</summary>
    KnownHostsFile,

    /// <summary>
    /// Accept the first key seen and pin it for the target's lifetime (reconnects must present the same key);
    /// when <see cref="SshTargetConfiguration.KnownHostsPath"/> is set, a known key there is enforced and a new one is added.
    /// </summary>
    TrustOnFirstUse,

    /// <summary>Accept any key. Only for throwaway test servers.</summary>
    Off,
}
