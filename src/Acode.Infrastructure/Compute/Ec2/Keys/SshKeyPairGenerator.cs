using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Utilities;
using Org.BouncyCastle.Security;

namespace Acode.Infrastructure.Compute.Ec2.Keys;

/// <summary>
/// Generates ed25519 SSH key pairs locally with BouncyCastle (SSH.NET has no key generation; BouncyCastle is already
/// its dependency). The private key never leaves this process unless the caller writes it to a 0600 file; EC2 only
/// ever sees the public half (ImportKeyPair) or, for the pinned host key, the cloud-init user data.
/// </summary>
public static class SshKeyPairGenerator
{
    /// <summary>The OpenSSH name of the ed25519 key type.</summary>
    public const string Ed25519KeyType = "ssh-ed25519";

    // ssh-keygen wraps the private key's base64 at 70 columns; matching it keeps the text familiar and diffable.
    private const int PemLineLength = 70;
    private const string PemHeader = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private const string PemFooter = "-----END OPENSSH PRIVATE KEY-----";

    private static readonly SecureRandom Random = new();

    /// <summary>Generates a fresh ed25519 key pair.</summary>
    /// <param name="comment">The comment at the end of the public key line (e.g. <c>acode-session-42</c>).</param>
    /// <returns>The key pair; its <see cref="GeneratedKeyPair.ToString"/> shows only the fingerprint.</returns>
    /// <exception cref="ArgumentException">The comment holds a line break, which would split the key line.</exception>
    public static GeneratedKeyPair GenerateEd25519(string comment)
    {
        if (comment.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("The key comment must be a single line.", nameof(comment));
        }

        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(Random));
        var pair = generator.GenerateKeyPair();
        var privateKey = (Ed25519PrivateKeyParameters)pair.Private;
        var publicKey = (Ed25519PublicKeyParameters)pair.Public;

        var publicBlob = OpenSshPublicKeyUtilities.EncodePublicKey(publicKey);
        var publicLine = $"{Ed25519KeyType} {Convert.ToBase64String(publicBlob)}";
        if (!string.IsNullOrWhiteSpace(comment))
        {
            publicLine += " " + comment.Trim();
        }

        var privateText = ToPem(OpenSshPrivateKeyUtilities.EncodePrivateKey(privateKey));
        return new GeneratedKeyPair(privateText, publicLine, publicBlob, SshFingerprint.FromPublicKeyBlob(publicBlob));
    }

    private static string ToPem(byte[] openSshKeyBlob)
    {
        var base64 = Convert.ToBase64String(openSshKeyBlob);
        var text = new StringBuilder(base64.Length + 128).Append(PemHeader).Append('\n');
        for (var offset = 0; offset < base64.Length; offset += PemLineLength)
        {
            text.Append(base64, offset, Math.Min(PemLineLength, base64.Length - offset)).Append('\n');
        }

        return text.Append(PemFooter).Append('\n').ToString();
    }
}
