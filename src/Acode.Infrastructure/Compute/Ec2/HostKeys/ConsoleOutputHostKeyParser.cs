using System.Text;
using System.Text.RegularExpressions;
using Acode.Infrastructure.Compute.Ec2.Keys;

namespace Acode.Infrastructure.Compute.Ec2.HostKeys;

/// <summary>
/// Reads the SSH host key fingerprints an instance printed on its serial console (GetConsoleOutput), as cloud-init's
/// <c>keys_to_console</c> module writes them (ec2-api-facts section 6.2): a
/// <c>-----BEGIN SSH HOST KEY FINGERPRINTS-----</c> block of <c>ssh-keygen -l</c> lines and a
/// <c>-----BEGIN SSH HOST KEY KEYS-----</c> block of public key lines.
/// </summary>
/// <remarks>
/// The console is noisy: each fingerprint line carries a syslog-style prefix that differs by cloud-init version
/// (<c>ec2: </c>, <c>&lt;14&gt;Jun  6 09:57:01 ec2: </c>, <c>cloud-init: </c>), kernel messages can interleave, lines
/// may end in CRLF, and a buffer may hold several boots. So markers and key lines are matched anywhere in a line, and
/// only the last complete block of each kind counts (the most recent boot); an unterminated block is ignored.
/// </remarks>
public static partial class ConsoleOutputHostKeyParser
{
    private const string FingerprintsBegin = "-----BEGIN SSH HOST KEY FINGERPRINTS-----";
    private const string FingerprintsEnd = "-----END SSH HOST KEY FINGERPRINTS-----";
    private const string KeysBegin = "-----BEGIN SSH HOST KEY KEYS-----";
    private const string KeysEnd = "-----END SSH HOST KEY KEYS-----";

    /// <summary>Parses the base64 <c>Output</c> field of a GetConsoleOutput response.</summary>
    /// <param name="base64Output">The field as the SDK returns it; null or empty when the console has nothing yet.</param>
    /// <returns>The announced host keys, or <see cref="ConsoleHostKeys.None"/>.</returns>
    public static ConsoleHostKeys ParseBase64(string? base64Output)
    {
        if (string.IsNullOrWhiteSpace(base64Output))
        {
            return ConsoleHostKeys.None;
        }

        var bytes = new byte[base64Output.Length];
        return Convert.TryFromBase64String(base64Output.Trim(), bytes, out var written)
            ? Parse(Encoding.UTF8.GetString(bytes, 0, written))
            : ConsoleHostKeys.None;
    }

    /// <summary>Parses decoded console text.</summary>
    /// <param name="consoleText">The serial console text; may be null, noisy, CRLF or truncated.</param>
    /// <returns>The announced host keys, or <see cref="ConsoleHostKeys.None"/> when no complete block is present.</returns>
    public static ConsoleHostKeys Parse(string? consoleText)
    {
        if (string.IsNullOrEmpty(consoleText))
        {
            return ConsoleHostKeys.None;
        }

        var lines = consoleText.Split('\n');
        var found = new List<ConsoleHostKeyFingerprint>();
        foreach (var line in LastBlock(lines, FingerprintsBegin, FingerprintsEnd))
        {
            var match = FingerprintLine().Match(line);
            if (match.Success)
            {
                found.Add(new ConsoleHostKeyFingerprint(
                    match.Groups["type"].Value.ToUpperInvariant(),
                    SshFingerprint.Normalize(match.Groups["fp"].Value)));
            }
        }

        foreach (var line in LastBlock(lines, KeysBegin, KeysEnd))
        {
            var match = PublicKeyLine().Match(line);
            if (match.Success && TryFingerprint(match.Groups["blob"].Value, out var fingerprint))
            {
                found.Add(new ConsoleHostKeyFingerprint(SshHostKeyTypes.FromAlgorithm(match.Groups["alg"].Value), fingerprint));
            }
        }

        return found.Count == 0 ? ConsoleHostKeys.None : new ConsoleHostKeys(found.Distinct().ToArray());
    }

    private static IEnumerable<string> LastBlock(string[] lines, string begin, string end)
    {
        int? start = null;
        (int From, int To)? last = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(begin, StringComparison.Ordinal))
            {
                start = i + 1;
            }
            else if (start is not null && lines[i].Contains(end, StringComparison.Ordinal))
            {
                last = (start.Value, i);
                start = null;
            }
        }

        return last is { } block ? lines[block.From..block.To].Select(line => line.TrimEnd('\r')) : [];
    }

    private static bool TryFingerprint(string base64Blob, out string fingerprint)
    {
        var bytes = new byte[base64Blob.Length];
        if (Convert.TryFromBase64String(base64Blob, bytes, out var written) && written > 0)
        {
            fingerprint = SshFingerprint.FromPublicKeyBlob(bytes.AsSpan(0, written));
            return true;
        }

        fingerprint = string.Empty;
        return false;
    }

    // "<bits> SHA256:<base64> <comment> (<TYPE>)", preceded by whatever prefix the console put there.
    [GeneratedRegex(@"\b\d{3,5}\s+(?<fp>SHA256:[A-Za-z0-9+/]{20,}={0,2})\s.*\((?<type>[A-Za-z0-9-]+)\)\s*$")]
    private static partial Regex FingerprintLine();

    // "<algorithm> <base64 blob> [comment]"; the algorithm list covers what sshd can hold as a host key.
    [GeneratedRegex(@"(?<alg>ssh-ed25519|ssh-rsa|ssh-dss|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com)\s+(?<blob>AAAA[A-Za-z0-9+/]+={0,2})")]
    private static partial Regex PublicKeyLine();
}
