using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Acode.Ec2Emulator.Protocol;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Utilities;
using Org.BouncyCastle.Security;

namespace Acode.Ec2Emulator.Actions;

/// <summary>
/// Key material as EC2 makes and reports it: RSA 2048 (PKCS#1 PEM, SHA-1 fingerprint of the PKCS#8 DER for created
/// keys, MD5 of the public DER for imported ones) and ED25519 (OpenSSH PEM, base64 SHA-256 fingerprint with padding).
/// </summary>
internal static class SshKeys
{
    public static (string PrivatePem, string PublicLine, string Fingerprint) CreateEd25519()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var blob = OpenSshPublicKeyUtilities.EncodePublicKey(pair.Public);
        var privateBlob = OpenSshPrivateKeyUtilities.EncodePrivateKey(pair.Private);
        var pem = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + Wrap(Convert.ToBase64String(privateBlob), 70) + "-----END OPENSSH PRIVATE KEY-----\n";
        return (pem, "ssh-ed25519 " + Convert.ToBase64String(blob), Convert.ToBase64String(SHA256.HashData(blob)));
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "EC2 reports SHA-1 fingerprints for created RSA keys; not used for security.")]
    public static (string PrivatePem, string PublicLine, string Fingerprint) CreateRsa()
    {
        using var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(false);
        var blob = RsaBlob(parameters.Exponent!, parameters.Modulus!);
        return (rsa.ExportRSAPrivateKeyPem() + "\n", "ssh-rsa " + Convert.ToBase64String(blob), Colons(SHA1.HashData(rsa.ExportPkcs8PrivateKey())));
    }

    /// <summary>Parses an imported OpenSSH public key line; returns its type, normalised line and fingerprint.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351", Justification = "EC2 reports MD5 fingerprints for imported RSA keys; not used for security.")]
    public static (string KeyType, string PublicLine, string Fingerprint) Import(string text)
    {
        var parts = text.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            throw Invalid();
        }

        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(parts[1]);
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        var offset = 0;
        var inner = Encoding.ASCII.GetString(ReadString(blob, ref offset));
        if (inner != parts[0])
        {
            throw Invalid();
        }

        var line = parts[0] + " " + parts[1];
        switch (parts[0])
        {
            case "ssh-ed25519":
                return ReadString(blob, ref offset).Length == 32 ? ("ed25519", line, Convert.ToBase64String(SHA256.HashData(blob))) : throw Invalid();
            case "ssh-rsa":
                var exponent = ReadString(blob, ref offset).SkipWhile(b => b == 0).ToArray();
                var modulus = ReadString(blob, ref offset).SkipWhile(b => b == 0).ToArray();
                if (modulus.Length * 8 < 1024)
                {
                    throw Invalid();
                }

                using (var rsa = RSA.Create())
                {
                    rsa.ImportParameters(new RSAParameters { Exponent = exponent, Modulus = modulus });
                    return ("rsa", line, Colons(MD5.HashData(rsa.ExportSubjectPublicKeyInfo())));
                }

            default:
                throw Invalid();
        }
    }

    private static Ec2Exception Invalid() => new("InvalidKey.Format", "Key is not in valid OpenSSH public key format");

    private static byte[] ReadString(byte[] blob, ref int offset)
    {
        if (offset + 4 > blob.Length)
        {
            throw Invalid();
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(blob.AsSpan(offset));
        offset += 4;
        if (length < 0 || offset + length > blob.Length)
        {
            throw Invalid();
        }

        var value = blob.AsSpan(offset, length).ToArray();
        offset += length;
        return value;
    }

    private static byte[] RsaBlob(byte[] exponent, byte[] modulus)
    {
        using var stream = new MemoryStream();
        WriteString(stream, Encoding.ASCII.GetBytes("ssh-rsa"));
        WriteString(stream, MpInt(exponent));
        WriteString(stream, MpInt(modulus));
        return stream.ToArray();
    }

    private static byte[] MpInt(byte[] magnitude) => magnitude.Length > 0 && magnitude[0] >= 0x80 ? [0, .. magnitude] : magnitude;

    private static void WriteString(Stream stream, byte[] value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, value.Length);
        stream.Write(length);
        stream.Write(value);
    }

    private static string Colons(byte[] hash) => string.Join(':', hash.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

    private static string Wrap(string text, int width)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i += width)
        {
            builder.Append(text.AsSpan(i, Math.Min(width, text.Length - i))).Append('\n');
        }

        return builder.ToString();
    }
}
