using System.Globalization;
using System.Text;

namespace Acode.Ec2Emulator.Protocol;

/// <summary>
/// The parameters of a Query-protocol request (form body or query string), with the flattened list and structure
/// naming of the EC2 dialect: <c>Name.N</c> and <c>Name.N.Field</c>, N starting at 1.
/// </summary>
internal sealed class QueryParameters
{
    private readonly Dictionary<string, string> _values;

    public QueryParameters(Dictionary<string, string> values) => _values = values;

    /// <summary>Every parameter, for idempotency fingerprints.</summary>
    public IReadOnlyDictionary<string, string> All => _values;

    /// <summary>Parses a form-encoded body; never throws on malformed input.</summary>
    public static QueryParameters Parse(string form)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in form.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Decode(pair[(eq + 1)..]);
            values[name] = value;
        }

        return new QueryParameters(values);
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    public string? Get(string name) => _values.TryGetValue(name, out var v) ? v : null;

    public string Require(string name) =>
        Get(name) is { Length: > 0 } v ? v : throw Ec2Exception.Missing(name);

    public int? GetInt(string name)
    {
        var text = Get(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Ec2Exception.InvalidValue(name, text);
    }

    public bool GetBool(string name, bool defaultValue = false)
    {
        var text = Get(name);
        return text switch
        {
            null => defaultValue,
            _ when text.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
            _ when text.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
            _ => throw Ec2Exception.InvalidValue(name, text),
        };
    }

    /// <summary>The values of <c>prefix.1</c>, <c>prefix.2</c>, ... in index order.</summary>
    public List<string> GetList(string prefix)
    {
        var found = new SortedList<int, string>();
        var start = prefix + ".";
        foreach (var (key, value) in _values)
        {
            if (key.StartsWith(start, StringComparison.Ordinal)
                && int.TryParse(key.AsSpan(start.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                found[index] = value;
            }
        }

        return [.. found.Values];
    }

    /// <summary>The structures <c>prefix.N.*</c>, each as its own parameter set, in index order.</summary>
    public List<QueryParameters> GetStructs(string prefix)
    {
        var found = new SortedList<int, Dictionary<string, string>>();
        var start = prefix + ".";
        foreach (var (key, value) in _values)
        {
            if (!key.StartsWith(start, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key.AsSpan(start.Length);
            var dot = rest.IndexOf('.');
            if (dot <= 0 || !int.TryParse(rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                continue;
            }

            if (!found.TryGetValue(index, out var fields))
            {
                fields = new Dictionary<string, string>(StringComparer.Ordinal);
                found[index] = fields;
            }

            fields[rest[(dot + 1)..].ToString()] = value;
        }

        return [.. found.Values.Select(v => new QueryParameters(v))];
    }

    /// <summary>The parameters under <c>prefix.</c>, with the prefix removed.</summary>
    public QueryParameters Sub(string prefix)
    {
        var start = prefix + ".";
        var values = _values.Where(kv => kv.Key.StartsWith(start, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[start.Length..], kv => kv.Value, StringComparer.Ordinal);
        return new QueryParameters(values);
    }

    public bool IsEmpty => _values.Count == 0;

    /// <summary><c>Filter.N.Name</c> with <c>Filter.N.Value.M</c>.</summary>
    public List<Filter> GetFilters() =>
        [.. GetStructs("Filter").Select(f => new Filter(f.Get("Name") ?? throw Ec2Exception.Missing("Filter.Name"), f.GetList("Value")))];

    /// <summary><c>prefix.N.Key</c> / <c>prefix.N.Value</c> pairs.</summary>
    public List<KeyValuePair<string, string>> GetTags(string prefix) =>
        [.. GetStructs(prefix).Select(t => new KeyValuePair<string, string>(t.Get("Key") ?? throw Ec2Exception.Missing("Tag.Key"), t.Get("Value") ?? string.Empty))];

    /// <summary>A stable text of every parameter except the named ones (for ClientToken idempotency).</summary>
    public string Fingerprint(params string[] except)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in _values.Where(kv => !except.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            builder.Append(key).Append('=').Append(value).Append('\n');
        }

        return builder.ToString();
    }
}
