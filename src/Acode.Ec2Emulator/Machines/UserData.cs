using System.Text;

namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// User data split as cloud-init splits it: by its first line (<c>#!</c> script, <c>#cloud-config</c>) or, for
/// <c>Content-Type: multipart/mixed</c>, by MIME part type (<c>text/x-shellscript</c>, <c>text/cloud-config</c>).
/// </summary>
internal sealed record UserData(IReadOnlyList<string> Scripts, CloudConfig Config)
{
    public static UserData None { get; } = new([], CloudConfig.Empty);

    public static UserData Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        var scripts = new List<string>();
        var config = CloudConfig.Empty;
        AddPart(text, contentType: null, scripts, ref config);
        return new UserData(scripts, config);
    }

    private static void AddPart(string text, string? contentType, List<string> scripts, ref CloudConfig config)
    {
        var normalized = text.Replace("\r\n", "\n");
        if (contentType is null && LooksLikeMime(normalized))
        {
            var (headers, body) = SplitHeaders(normalized);
            contentType = Header(headers, "content-type");
            AddPart(body, contentType ?? "text/plain", scripts, ref config);
            return;
        }

        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type == "multipart/mixed" && Parameter(contentType!, "boundary") is { } boundary)
        {
            foreach (var part in SplitParts(normalized, boundary))
            {
                var (headers, body) = SplitHeaders(part);
                if (string.Equals(Header(headers, "content-transfer-encoding"), "base64", StringComparison.OrdinalIgnoreCase))
                {
                    body = Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\n", string.Empty)));
                }

                AddPart(body, Header(headers, "content-type") ?? "text/plain", scripts, ref config);
            }

            return;
        }

        // Parts without a telling type are typed by their first line, as cloud-init does.
        if (type is "text/x-shellscript" || (type is null or "text/plain" or "application/octet-stream" && normalized.StartsWith("#!")))
        {
            scripts.Add(normalized);
        }
        else if (type is "text/cloud-config" || (type is null or "text/plain" && normalized.StartsWith("#cloud-config")))
        {
            config = config.Merge(CloudConfig.Parse(normalized));
        }
    }

    private static bool LooksLikeMime(string text) =>
        text.StartsWith("content-type:", StringComparison.OrdinalIgnoreCase) ||
        text.StartsWith("mime-version:", StringComparison.OrdinalIgnoreCase);

    private static (List<KeyValuePair<string, string>> Headers, string Body) SplitHeaders(string part)
    {
        var headers = new List<KeyValuePair<string, string>>();
        var lines = part.TrimStart('\n').Split('\n');
        var index = 0;
        for (; index < lines.Length && lines[index].Length > 0; index++)
        {
            var line = lines[index];
            if (line[0] is ' ' or '\t' && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + " " + line.Trim());
            }
            else if (line.IndexOf(':') is var colon and > 0)
            {
                headers.Add(new(line[..colon].Trim().ToLowerInvariant(), line[(colon + 1)..].Trim()));
            }
        }

        return (headers, string.Join('\n', lines.Skip(index + 1)));
    }

    private static IEnumerable<string> SplitParts(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var current = (StringBuilder?)null;
        foreach (var line in body.Split('\n'))
        {
            if (line.TrimEnd() == delimiter + "--")
            {
                break;
            }

            if (line.TrimEnd() == delimiter)
            {
                if (current is not null)
                {
                    yield return TrimPartEnd(current);
                }

                current = new StringBuilder();
                continue;
            }

            current?.Append(line).Append('\n');
        }

        if (current is not null)
        {
            yield return TrimPartEnd(current);
        }
    }

    // The line break before a delimiter belongs to the delimiter (RFC 2046).
    private static string TrimPartEnd(StringBuilder part) =>
        part.Length > 0 && part[^1] == '\n' ? part.ToString(0, part.Length - 1) : part.ToString();

    private static string? Header(List<KeyValuePair<string, string>> headers, string name) =>
        headers.FirstOrDefault(h => h.Key == name).Value;

    private static string? Parameter(string header, string name)
    {
        foreach (var piece in header.Split(';').Skip(1))
        {
            var pair = piece.Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return pair[1].Trim().Trim('"');
            }
        }

        return null;
    }
}
