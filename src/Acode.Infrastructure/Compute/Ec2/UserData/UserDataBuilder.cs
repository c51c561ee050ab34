using System.Security.Cryptography;
using System.Text;

namespace Acode.Infrastructure.Compute.Ec2.UserData;

/// <summary>
/// Assembles an instance's user data: acode's dead-man switch script, the user's own user data and acode's pinned
/// host key, as one MIME multi-part document cloud-init accepts (ec2-api-facts 7.2), checked against EC2's 16 KB limit.
/// </summary>
/// <remarks>
/// Part order matters. cloud-init merges <c>#cloud-config</c> parts with later keys replacing earlier ones, so acode's
/// host-key part comes after the user's and its <c>ssh_keys</c> wins. User scripts run one by one in file-name order
/// and each is awaited, so the dead-man switch is named to sort first (<c>000-...</c>) and arms even if a user script
/// hangs. A user MIME document is embedded as a nested part unchanged (cloud-init walks nested multiparts).
/// </remarks>
public static class UserDataBuilder
{
    /// <summary>EC2's limit on raw (pre-base64) user data: 16 KB.</summary>
    public const int MaxRawBytes = 16 * 1024;

    /// <summary>Builds the user data.</summary>
    /// <param name="request">What goes in.</param>
    /// <returns>The user data, or null when there is nothing to send.</returns>
    /// <exception cref="UserDataTooLargeException">The result exceeds <see cref="MaxRawBytes"/>.</exception>
    /// <exception cref="UnsupportedUserDataException">The user's part is in no format cloud-init recognises.</exception>
    public static Ec2UserData? Build(UserDataRequest request)
    {
        var user = string.IsNullOrWhiteSpace(request.UserUserData) ? null : request.UserUserData;
        var userBytes = user is null ? 0 : Encoding.UTF8.GetByteCount(user);
        var parts = new List<MimePart>();
        if (request.DeadManSwitch is { } deadMan)
        {
            parts.Add(new MimePart("text/x-shellscript", "000-acode-dead-man-switch.sh", DeadManSwitchScript.Build(deadMan)));
        }

        if (user is not null)
        {
            parts.Add(UserPart(user));
        }

        if (request.HostKey is { } hostKey)
        {
            parts.Add(new MimePart("text/cloud-config", "acode-host-key.cfg", HostKeyCloudConfig.Build(hostKey, request.DeleteExistingHostKeys, request.GenerateHostKeyTypes)));
        }

        if (parts.Count == 0)
        {
            return null;
        }

        // The user's own data alone goes through untouched: no reason to wrap it.
        var raw = parts is [{ Verbatim: true }] ? user! : Assemble(parts);
        var rawBytes = Encoding.UTF8.GetByteCount(raw);
        if (rawBytes > MaxRawBytes)
        {
            throw new UserDataTooLargeException(rawBytes, userBytes, MaxRawBytes);
        }

        return new Ec2UserData(raw, rawBytes);
    }

    private static MimePart UserPart(string user)
    {
        // cloud-init treats a document with a MIME-Version header in its first 4 KB as MIME.
        var head = user.Length > 4096 ? user[..4096] : user;
        if (head.Contains("mime-version:", StringComparison.OrdinalIgnoreCase))
        {
            return new MimePart(null, null, user) { Verbatim = true };
        }

        var firstLine = user.TrimStart('\uFEFF').Split('\n', 2)[0].TrimEnd('\r');
        var contentType = firstLine switch
        {
            _ when firstLine.StartsWith("#!", StringComparison.Ordinal) => "text/x-shellscript",
            _ when firstLine.StartsWith("#cloud-config", StringComparison.Ordinal) => "text/cloud-config",
            _ when firstLine.StartsWith("#cloud-boothook", StringComparison.Ordinal) => "text/cloud-boothook",
            _ when firstLine.StartsWith("#include", StringComparison.Ordinal) => "text/x-include-url",
            _ when firstLine.StartsWith("## template: jinja", StringComparison.Ordinal) => "text/jinja2",
            _ when firstLine.StartsWith("#part-handler", StringComparison.Ordinal) => "text/part-handler",
            _ => throw new UnsupportedUserDataException(firstLine.Length > 40 ? firstLine[..40] + "..." : firstLine),
        };
        return new MimePart(contentType, "user-data", user) { Verbatim = true };
    }

    private static string Assemble(List<MimePart> parts)
    {
        var boundary = NewBoundary(parts);
        var text = new StringBuilder()
            .Append("Content-Type: multipart/mixed; boundary=\"").Append(boundary).Append("\"\n")
            .Append("MIME-Version: 1.0\n\n");
        foreach (var part in parts)
        {
            text.Append("--").Append(boundary).Append('\n');
            if (part.ContentType is null)
            {
                // An embedded MIME document brings its own headers: it becomes a nested multipart as it stands.
                AppendBody(text, part.Content);
                continue;
            }

            // Non-ASCII text goes base64: cloud-init parses the document as a Python str, and an 8bit part would come
            // back as Latin-1 bytes that it then decodes as UTF-8, mangling every non-ASCII character.
            var ascii = Ascii.IsValid(part.Content);
            text.Append("Content-Type: ").Append(part.ContentType).Append("; charset=\"").Append(ascii ? "us-ascii" : "utf-8").Append("\"\n")
                .Append("MIME-Version: 1.0\n")
                .Append("Content-Transfer-Encoding: ").Append(ascii ? "7bit" : "base64").Append('\n')
                .Append("Content-Disposition: attachment; filename=\"").Append(part.FileName).Append("\"\n\n");
            AppendBody(text, ascii ? part.Content : Base64Lines(part.Content));
        }

        return text.Append("--").Append(boundary).Append("--\n").ToString();
    }

    private static void AppendBody(StringBuilder text, string body)
    {
        text.Append(body);
        if (!body.EndsWith('\n'))
        {
            text.Append('\n');
        }
    }

    private static string Base64Lines(string content)
    {
        // MIME caps encoded lines at 76 characters.
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(content));
        return string.Join('\n', base64.Chunk(76).Select(chunk => new string(chunk))) + "\n";
    }

    private static string NewBoundary(List<MimePart> parts)
    {
        while (true)
        {
            var boundary = "==acode-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + "==";
            if (!parts.Any(part => part.Content.Contains(boundary, StringComparison.Ordinal)))
            {
                return boundary;
            }
        }
    }

    private sealed record MimePart(string? ContentType, string? FileName, string Content)
    {
        // True for the user's part: sent on its own it goes unwrapped.
        public bool Verbatim { get; init; }
    }
}
