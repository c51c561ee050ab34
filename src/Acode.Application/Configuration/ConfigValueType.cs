namespace Acode.Application.Configuration;

/// <summary>
/// How one kind of configuration value is read from a file, named in the documentation, and written back (as a plain
/// value: a string, bool, number, list of strings, or ordered map, which the YAML writer and the JSON listing emit).
/// </summary>
/// <typeparam name="T">The bound type.</typeparam>
public abstract class ConfigValueType<T>
{
    /// <summary>The type as the documentation's key table names it, e.g. <c>duration</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Reads a non-null node; on failure reports to <paramref name="problems"/> and returns false.</summary>
    public abstract bool TryRead(ConfigNode node, ConfigProblems problems, out T value);

    /// <summary>The plain value to write; null = nothing to write.</summary>
    public abstract object? ToPlain(T value);

    /// <summary>The plain value to list (an empty list stays an empty list there); null = no value.</summary>
    public virtual object? ToListed(T value) => ToPlain(value);
}
