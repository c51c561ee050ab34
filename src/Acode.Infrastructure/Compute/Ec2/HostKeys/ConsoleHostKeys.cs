using Acode.Infrastructure.Compute.Ec2.Keys;

namespace Acode.Infrastructure.Compute.Ec2.HostKeys;

/// <summary>
/// The host keys an instance announced on its console (cloud-init's fingerprint and key blocks), used to verify the
/// first SSH connection when acode did not pin a host key of its own.
/// </summary>
/// <param name="Fingerprints">Every distinct fingerprint found; empty when the console had no complete block yet.</param>
public sealed record ConsoleHostKeys(IReadOnlyList<ConsoleHostKeyFingerprint> Fingerprints)
{
    /// <summary>Gets an empty result: the console output held no host key block (yet).</summary>
    public static ConsoleHostKeys None { get; } = new([]);

    /// <summary>Gets a value indicating whether any fingerprint was found.</summary>
    public bool Found => Fingerprints.Count > 0;

    /// <summary>
    /// Checks a host key offered during the SSH handshake against the announced ones.
    /// </summary>
    /// <param name="hostKeyAlgorithm">The algorithm SSH.NET reports (<c>ssh-ed25519</c>, <c>ecdsa-sha2-nistp256</c>, <c>rsa-sha2-512</c>, ...).</param>
    /// <param name="fingerprint">The SHA-256 fingerprint in any common form (SSH.NET gives it without prefix).</param>
    /// <returns>True when a fingerprint of that key type matches.</returns>
    public bool Contains(string hostKeyAlgorithm, string fingerprint)
    {
        var keyType = SshHostKeyTypes.FromAlgorithm(hostKeyAlgorithm);
        return Fingerprints.Any(candidate =>
            string.Equals(candidate.KeyType, keyType, StringComparison.OrdinalIgnoreCase)
            && SshFingerprint.AreEqual(candidate.Fingerprint, fingerprint));
    }
}
