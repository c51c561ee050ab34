namespace Acode.Application.Configuration;

/// <summary>A nested map with keys of its own (<c>savingsPlan:</c>), bound by its own <see cref="ConfigKeyTable{T}"/>.</summary>
/// <typeparam name="T">The nested record.</typeparam>
internal sealed class SectionType<T>(ConfigKeyTable<T> table) : ConfigValueType<T?>
    where T : class
{
    /// <inheritdoc />
    public override string Name => "map";

    /// <inheritdoc />
    public override bool TryRead(ConfigNode node, ConfigProblems problems, out T? value)
    {
        value = table.Bind(node, problems, out var complete);
        return complete;
    }

    /// <inheritdoc />
    public override object? ToPlain(T? value) => value is null ? null : table.ToPlain(value, onlyChanged: true);

    /// <inheritdoc />
    public override object? ToListed(T? value) => value is null ? null : table.ToPlain(value, onlyChanged: false);
}
