using System.Text;

namespace Acode.Application.Configuration;

/// <summary>
/// The keys of one configuration section, in documentation order, and everything done with them: bind a map from a
/// file (unknown keys are problems with a did-you-mean), validate, write only what differs from the defaults, list,
/// and render the documentation's key table.
/// </summary>
/// <typeparam name="T">The record the section binds into.</typeparam>
public sealed class ConfigKeyTable<T>
{
    private readonly Dictionary<string, ConfigKey<T>> _byName;

    /// <param name="defaults">The record every binding starts from; its values are the documented defaults.</param>
    /// <param name="keys">The keys, in documentation order.</param>
    public ConfigKeyTable(T defaults, IReadOnlyList<ConfigKey<T>> keys)
    {
        Defaults = defaults;
        Keys = keys;
        _byName = keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
    }

    /// <summary>The record every binding starts from.</summary>
    public T Defaults { get; }

    /// <summary>The keys in documentation order.</summary>
    public IReadOnlyList<ConfigKey<T>> Keys { get; }

    /// <summary>Binds a section's map; an explicit null value keeps the key's default.</summary>
    /// <param name="section">The section's value in the file.</param>
    /// <param name="problems">Where problems go, at the section's path.</param>
    /// <param name="complete">False when a required key is missing or the section is not a map.</param>
    public T Bind(ConfigNode section, ConfigProblems problems, out bool complete)
    {
        var config = Defaults;
        complete = false;
        if (section is ConfigScalar { IsNull: true })
        {
            // An empty section ("ec2Target:" and nothing under it) is a section with every default.
            section = new ConfigMap([], section.Line);
        }

        if (section is not ConfigMap map)
        {
            problems.Unreadable("must be a map of settings (" + string.Join(", ", Keys.Take(3).Select(k => k.Name + ":")) + " ...)", section);
            return config;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            var (name, _, node) = entry;
            if (!_byName.TryGetValue(name, out var key))
            {
                problems.UnknownKey(entry, _byName.Keys);
                continue;
            }

            if (node is not ConfigScalar { IsNull: true })
            {
                seen.Add(name);
                config = key.Bind(config, node, problems.At(name));
            }
        }

        complete = true;
        foreach (var key in Keys.Where(k => k.Required && !seen.Contains(k.Name)))
        {
            problems.At(key.Name).AddLine("is required");
            complete = false;
        }

        return config;
    }

    /// <summary>Every key's check, in key order, at <paramref name="problems"/>' path.</summary>
    public void Validate(T config, ConfigProblems problems)
    {
        foreach (var key in Keys)
        {
            key.Validate(config, problems.At(key.Name));
        }
    }

    /// <summary>
    /// The section as plain values in key order. <paramref name="onlyChanged"/>: only keys whose value differs from the
    /// default, plus the always-written and required ones (for writing the file); otherwise every listed key.
    /// </summary>
    public Dictionary<string, object?> ToPlain(T config, bool onlyChanged)
    {
        var plain = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var key in Keys)
        {
            var value = key.ToPlain(config);
            if (!onlyChanged)
            {
                if (key.Listed)
                {
                    plain[key.Name] = key.ToListed(config);
                }
            }
            else if (value is not null && (key.AlwaysWritten || key.Required || !PlainEquals(value, key.ToPlain(Defaults))))
            {
                plain[key.Name] = value;
            }
        }

        return plain;
    }

    /// <summary>The documentation's key table, one row per key: <c>| `key` | type | default | meaning |</c>.</summary>
    public string MarkdownTable()
    {
        var sb = new StringBuilder("| key | type | default | meaning |\n| --- | --- | --- | --- |\n");
        foreach (var key in Keys)
        {
            sb.Append($"| `{key.Name}` | {key.TypeName} | {key.DefaultText ?? DefaultOf(key)} | {key.Help} |\n");
        }

        return sb.ToString();
    }

    private string DefaultOf(ConfigKey<T> key) => key.ToPlain(Defaults) switch
    {
        null => "none",
        string s => $"`{s}`",
        bool b => b ? "true" : "false",
        var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "none",
    };

    private static bool PlainEquals(object value, object? other) => (value, other) switch
    {
        (List<string> a, List<string> b) => a.SequenceEqual(b, StringComparer.Ordinal),
        (Dictionary<string, string> a, Dictionary<string, string> b) => a.Count == b.Count && !a.Except(b).Any(),
        (Dictionary<string, object?>, _) => false,
        _ => Equals(value, other),
    };
}
