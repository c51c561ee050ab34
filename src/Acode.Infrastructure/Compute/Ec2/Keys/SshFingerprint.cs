using System.Security.Cryptography;

namespace Acode.Infrastructure.Compute.Ec2.Keys;

/// <summary>
/// SHA-256 SSH key fingerprints in the one form acode compares: <c>SHA256:</c> + unpadded base64, as
/// <c>ssh-keygen -l</c> and cloud-init's console block print them. EC2 returns the same hash for imported ed25519
/// keys but may pad the base64 with <c>=</c>, and SSH.NET's <c>FingerPrintSHA256</c> omits the prefix
/// (ec2-api-facts 5.3; PLATFORM.md), so every source goes through <see cref="Normalize"/> before comparing.
/// </summary>
public static class SshFingerprint
{
    /// <summary>The prefix OpenSSH puts before a SHA-256 fingerprint.</summary>
    public const string Sha256Prefix = "SHA256:";

    /// <summary>Computes the fingerprint of a public key in SSH wire format.</summary>
    /// <param name="publicKeyBlob">The key blob (the base64 field of an authorized_keys line, decoded).</param>
    /// <returns><c>SHA256:</c> followed by the unpadded base64 of the blob's SHA-256.</returns>
    public static string FromPublicKeyBlob(ReadOnlySpan<byte> publicKeyBlob)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(publicKeyBlob, hash);
        return Sha256Prefix + Convert.ToBase64String(hash).TrimEnd('=');
    }

    /// <summary>Computes the fingerprint of an authorized_keys line (<c>type base64 [comment]</c>).</summary>
    /// <exception cref="FormatException">The line has no base64 key field.</exception>
    public static string FromPublicKeyLine(string publicKeyLine)
    {
        var fields = publicKeyLine.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2)
        {
            throw new FormatException("An SSH public key line needs a key type and a base64 key.");
        }

        return FromPublicKeyBlob(Convert.FromBase64String(fields[1]));
    }

    /// <summary>
    /// Brings a SHA-256 fingerprint from any source (EC2 padded base64, SSH.NET without prefix, ssh-keygen) to
    /// <c>SHA256:</c> + unpadded base64. Base64 is case-sensitive, so the hash part is kept as is.
    /// </summary>
    public static string Normalize(string fingerprint)
    {
        var value = fingerprint.Trim();
        if (value.StartsWith(Sha256Prefix, StringComparison.OrdinalIgnoreCase))
        {
            value = value[Sha256Prefix.Length..];
        }

        return Sha256Prefix + value.TrimEnd('=');
    }

    /// <summary>Compares two SHA-256 fingerprints after <see cref="Normalize"/>.</summary>
    public static bool AreEqual(string? left, string? right) =>
        left is not null && right is not null && string.Equals(Normalize(left), Normalize(right), StringComparison.Ordinal);
}
