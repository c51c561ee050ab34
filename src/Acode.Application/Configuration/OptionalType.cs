namespace Acode.Application.Configuration;

/// <summary>A value type whose absence means something (<c>autoKeyPair</c> unset = decided by <c>keyPairName</c>).</summary>
/// <typeparam name="T">The bound value type.</typeparam>
internal sealed class OptionalType<T>(ConfigValueType<T> inner) : ConfigValueType<T?>
    where T : struct
{
    /// <inheritdoc />
    public override string Name => inner.Name;

    /// <inheritdoc />
    public override bool TryRead(ConfigNode node, ConfigProblems problems, out T? value)
    {
        var ok = inner.TryRead(node, problems, out var read);
        value = ok ? read : null;
        return ok;
    }

    /// <inheritdoc />
    public override object? ToPlain(T? value) => value is { } v ? inner.ToPlain(v) : null;
}
