using System.Security.Cryptography;
using System.Text;

namespace Acode.Infrastructure.Compute.Ssh;

/// <summary>
/// Reads and appends OpenSSH known_hosts files: plain and hashed (<c>|1|salt|hash</c>) host names, the
/// <c>[host]:port</c> form for ports other than 22, and comma-separated name lists. Markers such as
/// <c>@revoked</c> and <c>@cert-authority</c> lines are skipped.
/// </summary>
internal static class KnownHostsFile
{
    /// <summary>The SHA-256 fingerprints (<c>SHA256:...</c>) listed for a host and port.</summary>
    public static IReadOnlyList<string> FingerprintsFor(string path, string host, int port)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var name = HostPattern(host, port);
        var result = new List<string>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or '@')
            {
                continue;
            }

            var fields = line.Split((char[]?)null, 4, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3 || !Matches(fields[0], name))
            {
                continue;
            }

            try
            {
                result.Add(Fingerprint(Convert.FromBase64String(fields[2])));
            }
            catch (FormatException)
            {
                // A corrupt line vouches for nothing; the rest of the file still counts.
            }
        }

        return result;
    }

    /// <summary>Appends a host key line.</summary>
    public static void Append(string path, string host, int port, byte[] keyBlob)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        File.AppendAllText(path, $"{HostPattern(host, port)} {KeyType(keyBlob)} {Convert.ToBase64String(keyBlob)}\n");
    }

    /// <summary>The OpenSSH fingerprint of a public key blob: <c>SHA256:</c> + unpadded base64.</summary>
    public static string Fingerprint(byte[] keyBlob) => "SHA256:" + Convert.ToBase64String(SHA256.HashData(keyBlob)).TrimEnd('=');

    /// <summary>The key type named inside a public key blob (its first SSH string), e.g. <c>ssh-ed25519</c>.</summary>
    public static string KeyType(byte[] keyBlob)
    {
        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(keyBlob);
        return Encoding.ASCII.GetString(keyBlob, 4, length);
    }

    private static string HostPattern(string host, int port) => port == 22 ? host : $"[{host}]:{port}";

    private static bool Matches(string hostsField, string name)
    {
        foreach (var candidate in hostsField.Split(','))
        {
            if (candidate.StartsWith("|1|", StringComparison.Ordinal))
            {
                var parts = candidate.Split('|');
                if (parts.Length == 4 && HashedMatches(parts[2], parts[3], name))
                {
                    return true;
                }
            }
            else if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HashedMatches(string salt, string hash, string name)
    {
        try
        {
            // OpenSSH's hashed-host format is defined with HMAC-SHA1; it only hides names, it guards nothing.
#pragma warning disable CA5350
            var computed = HMACSHA1.HashData(Convert.FromBase64String(salt), Encoding.UTF8.GetBytes(name));
#pragma warning restore CA5350
            return CryptographicOperations.FixedTimeEquals(computed, Convert.FromBase64String(hash));
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
