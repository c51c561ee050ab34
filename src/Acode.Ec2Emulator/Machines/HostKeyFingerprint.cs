using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace Acode.Ec2Emulator.Machines;

/// <summary>What <c>ssh-keygen -l -f KEY.pub</c> prints, computed from the public key line without running it.</summary>
internal static class HostKeyFingerprint
{
    /// <summary>E.g. <c>256 SHA256:kpEa+rw/... root@ip-10-0-2-182 (ED25519)</c>; comment <c>no comment</c> when the line has none.</summary>
    public static string Describe(string publicKeyLine)
    {
        var fields = publicKeyLine.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        var blob = Convert.FromBase64String(fields[1]);
        var comment = fields.Length > 2 && fields[2].Trim().Length > 0 ? fields[2].Trim() : "no comment";
        return $"{Bits(fields[0], blob)} SHA256:{Sha256(blob)} {comment} ({Label(fields[0])})";
    }

    /// <summary>The SHA-256 of the key blob in unpadded base64, as OpenSSH and SSH.NET show it.</summary>
    public static string Sha256(byte[] blob) => Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('=');

    private static string Label(string type) => type switch
    {
        "ssh-ed25519" => "ED25519",
        "ssh-rsa" => "RSA",
        _ when type.StartsWith("ecdsa-", StringComparison.Ordinal) => "ECDSA",
        _ => type.ToUpperInvariant(),
    };

    private static int Bits(string type, byte[] blob) => type switch
    {
        "ssh-ed25519" => 256,
        "ecdsa-sha2-nistp256" => 256,
        "ecdsa-sha2-nistp384" => 384,
        "ecdsa-sha2-nistp521" => 521,
        "ssh-rsa" => RsaModulusBits(blob),
        _ => 0,
    };

    // The blob is string "ssh-rsa", mpint e, mpint n (RFC 4253 section 6.6).
    private static int RsaModulusBits(byte[] blob)
    {
        var span = blob.AsSpan();
        for (var field = 0; field < 2; field++)
        {
            span = span[(4 + (int)BinaryPrimitives.ReadUInt32BigEndian(span))..];
        }

        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(span);
        var modulus = new BigInteger(span.Slice(4, length), isUnsigned: true, isBigEndian: true);
        return (int)modulus.GetBitLength();
    }
}
