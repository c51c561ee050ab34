namespace Acode.Ec2Emulator.Protocol;

/// <summary>
/// The filter names one resource type understands, each mapped to the resource's values for it, plus the generic
/// tag filters (<c>tag:KEY</c>, <c>tag-key</c>, <c>tag-value</c>) when the resource has tags.
/// </summary>
internal sealed class FilterSpec<T>(Func<T, IReadOnlyDictionary<string, string>>? tags = null)
{
    private readonly Dictionary<string, Func<T, IEnumerable<string?>>> _fields = new(StringComparer.Ordinal);

    public Func<T, IEnumerable<string?>> this[string name]
    {
        set => _fields[name] = value;
    }

    public IEnumerable<T> Apply(IEnumerable<T> items, IReadOnlyList<Filter> filters)
    {
        if (filters.Count == 0)
        {
            return items;
        }

        var predicates = filters.Select(Compile).ToList();
        return items.Where(item => predicates.TrueForAll(p => p(item)));
    }

    private Func<T, bool> Compile(Filter filter)
    {
        var values = filter.Values;
        if (tags is not null)
        {
            if (filter.Name.StartsWith("tag:", StringComparison.Ordinal))
            {
                var key = filter.Name[4..];
                return item => tags(item).TryGetValue(key, out var v) && AnyMatch(values, v);
            }

            if (filter.Name == "tag-key")
            {
                return item => tags(item).Keys.Any(k => AnyMatch(values, k));
            }

            if (filter.Name == "tag-value")
            {
                return item => tags(item).Values.Any(v => AnyMatch(values, v));
            }
        }

        if (!_fields.TryGetValue(filter.Name, out var field))
        {
            throw new Ec2Exception("InvalidParameterValue", $"The filter '{filter.Name}' is invalid");
        }

        return item => field(item).Any(v => v is not null && AnyMatch(values, v));
    }

    private static bool AnyMatch(IReadOnlyList<string> patterns, string value)
    {
        foreach (var pattern in patterns)
        {
            if (Wildcard.IsMatch(pattern, value))
            {
                return true;
            }
        }

        return false;
    }
}
