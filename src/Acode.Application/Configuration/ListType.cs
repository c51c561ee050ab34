namespace Acode.Application.Configuration;

/// <summary>A list of strings; each item must be a single value.</summary>
internal sealed class ListType : ConfigValueType<IReadOnlyList<string>>
{
    /// <inheritdoc />
    public override string Name => "list";

    /// <inheritdoc />
    public override bool TryRead(ConfigNode node, ConfigProblems problems, out IReadOnlyList<string> value)
    {
        value = [];
        if (node is not ConfigList list)
        {
            problems.Unreadable("must be a list", node);
            return false;
        }

        var items = new List<string>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (ConfigTypes.Text.TryRead(list.Items[i], problems.At($"[{i}]"), out var item))
            {
                items.Add(item);
            }
        }

        value = items;
        return true;
    }

    /// <inheritdoc />
    public override object? ToPlain(IReadOnlyList<string> value) => value.Count == 0 ? null : value.ToList();

    /// <inheritdoc />
    public override object? ToListed(IReadOnlyList<string> value) => value.ToList();
}
