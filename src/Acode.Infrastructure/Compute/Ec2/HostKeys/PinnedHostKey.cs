using Acode.Infrastructure.Compute.Ec2.Keys;

namespace Acode.Infrastructure.Compute.Ec2.HostKeys;

/// <summary>
/// The host key acode generated for an instance and installed through cloud-init: the only key the first (and every)
/// SSH connection to that instance may present. Holds no private material, so it can be logged and kept.
/// </summary>
/// <param name="KeyType">The SSH key type, <c>ssh-ed25519</c>.</param>
/// <param name="Fingerprint">The key's fingerprint, <c>SHA256:</c> + unpadded base64.</param>
public sealed record PinnedHostKey(string KeyType, string Fingerprint)
{
    /// <summary>Pins the public half of a generated host key.</summary>
    public static PinnedHostKey From(GeneratedKeyPair hostKey) => new(hostKey.KeyType, hostKey.Fingerprint);

    /// <summary>
    /// Checks the key a server presented, as SSH.NET's <c>HostKeyEventArgs</c> reports it (<c>HostKeyName</c>,
    /// <c>FingerPrintSHA256</c> without prefix).
    /// </summary>
    public bool Matches(string hostKeyName, string fingerprintSha256) =>
        string.Equals(SshHostKeyTypes.FromAlgorithm(hostKeyName), SshHostKeyTypes.FromAlgorithm(KeyType), StringComparison.Ordinal)
        && SshFingerprint.AreEqual(Fingerprint, fingerprintSha256);
}
