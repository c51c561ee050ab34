using System.Globalization;
using Acode.Application.Compute.Ec2;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Acode.Infrastructure.Configuration;

/// <summary>
/// Reads typed values out of YAML nodes, collecting a problem line (same format as the validator) instead of throwing,
/// so a file with many mistakes reports all of them at once.
/// </summary>
internal sealed class YamlReader
{
    private readonly List<string> _problems;
    private readonly string _section;

    /// <param name="problems">Where problem lines are collected.</param>
    /// <param name="section">The top-level section the keys belong to; it prefixes every problem line.</param>
    public YamlReader(List<string> problems, string section = Ec2Defaults.SectionName)
    {
        _problems = problems;
        _section = section;
    }

    /// <summary>True for an explicit YAML null (<c>~</c>, <c>null</c>, or nothing): the key keeps its default.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    public void Problem(string key, string problem, YamlNode node) =>
        _problems.Add($"{_section}.{key}: {problem} (line {node.Start.Line}), got \"{Show(node)}\"");

    public string? String(string key, YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Problem(key, "must be a single value", node);
        return null;
    }

    public bool? Bool(string key, YamlNode node)
    {
        var text = String(key, node);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Problem(key, "must be true or false", node);
        return null;
    }

    public int? Int(string key, YamlNode node)
    {
        var text = String(key, node);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Problem(key, "must be a whole number", node);
        return null;
    }

    public decimal? Decimal(string key, YamlNode node)
    {
        var text = String(key, node);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Problem(key, "must be a decimal number like 0.05", node);
        return null;
    }

    public TimeSpan? Duration(string key, YamlNode node)
    {
        var text = String(key, node);
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var value))
        {
            return value;
        }

        Problem(key, "must be a duration like 30s, 5m or 2h, or a number of seconds", node);
        return null;
    }

    public Uri? Url(string key, YamlNode node)
    {
        var text = String(key, node);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var value))
        {
            return value;
        }

        Problem(key, "must be an absolute URL like https://ec2.us-west-2.amazonaws.com", node);
        return null;
    }

    public TEnum? Enum<TEnum>(string key, YamlNode node)
        where TEnum : struct, Enum
    {
        var text = String(key, node);
        if (text is null)
        {
            return null;
        }

        var names = System.Enum.GetNames<TEnum>();
        var name = names.FirstOrDefault(n => string.Equals(n, text.Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
        if (name is not null)
        {
            return System.Enum.Parse<TEnum>(name);
        }

        Problem(key, "must be one of " + string.Join(", ", names.Select(n => char.ToLowerInvariant(n[0]) + n[1..])), node);
        return null;
    }

    public IReadOnlyList<string>? List(string key, YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Problem(key, "must be a list", node);
            return null;
        }

        var items = new List<string>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (String($"{key}[{i}]", sequence.Children[i]) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    public IReadOnlyDictionary<string, string>? Map(string key, YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            Problem(key, "must be a map of key: value", node);
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in mapping.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? string.Empty;
            if (String($"{key}.{name}", v) is { } value)
            {
                map[name] = value;
            }
        }

        return map;
    }

    private static string Show(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? string.Empty,
        YamlSequenceNode => "a list",
        YamlMappingNode => "a map",
        _ => node.NodeType.ToString(),
    };
}
