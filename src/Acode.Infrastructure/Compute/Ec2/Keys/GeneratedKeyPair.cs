namespace Acode.Infrastructure.Compute.Ec2.Keys;

/// <summary>
/// An ed25519 key pair generated on this machine: the private half in OpenSSH format, the public half as an
/// authorized_keys line, and its SHA-256 fingerprint. Used for the login key (only the public half is imported into
/// EC2) and for the instance's pinned host key.
/// </summary>
/// <remarks>
/// A class, not a record, so that no generated <c>ToString</c> or debugger view ever prints the private key.
/// </remarks>
public sealed class GeneratedKeyPair
{
    internal GeneratedKeyPair(string privateKeyOpenSsh, string publicKeyLine, byte[] publicKeyBlob, string fingerprint)
    {
        PrivateKeyOpenSsh = privateKeyOpenSsh;
        PublicKeyLine = publicKeyLine;
        PublicKeyBlob = publicKeyBlob;
        Fingerprint = fingerprint;
    }

    /// <summary>Gets the key type as OpenSSH names it on the wire.</summary>
    public string KeyType => SshKeyPairGenerator.Ed25519KeyType;

    /// <summary>
    /// Gets the private key as <c>-----BEGIN OPENSSH PRIVATE KEY-----</c> text, unencrypted, LF line endings. Secret:
    /// never log it, put it in an exception message or an event.
    /// </summary>
    public string PrivateKeyOpenSsh { get; }

    /// <summary>Gets the public key as one authorized_keys line: <c>ssh-ed25519 AAAA... comment</c>.</summary>
    public string PublicKeyLine { get; }

    /// <summary>Gets the public key in SSH wire format (the bytes the fingerprint hashes).</summary>
    public ReadOnlyMemory<byte> PublicKeyBlob { get; }

    /// <summary>Gets the fingerprint as <c>ssh-keygen -l</c> prints it: <c>SHA256:</c> + unpadded base64.</summary>
    public string Fingerprint { get; }

    /// <summary>Describes the key by type and fingerprint only; the private key never appears.</summary>
    public override string ToString() => $"{KeyType} {Fingerprint}";
}
