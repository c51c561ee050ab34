namespace Acode.Application.Configuration;

/// <summary>A map of string keys to string values (tags).</summary>
internal sealed class MapType : ConfigValueType<IReadOnlyDictionary<string, string>>
{
    /// <inheritdoc />
    public override string Name => "map";

    /// <inheritdoc />
    public override bool TryRead(ConfigNode node, ConfigProblems problems, out IReadOnlyDictionary<string, string> value)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        value = map;
        if (node is not ConfigMap entries)
        {
            problems.Unreadable("must be a map of key: value", node);
            return false;
        }

        foreach (var (key, _, item) in entries.Entries)
        {
            if (ConfigTypes.Text.TryRead(item, problems.At(key), out var text))
            {
                map[key] = text;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override object? ToPlain(IReadOnlyDictionary<string, string> value) =>
        value.Count == 0 ? null : ToListed(value);

    /// <inheritdoc />
    public override object? ToListed(IReadOnlyDictionary<string, string> value) => value.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
