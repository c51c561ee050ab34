namespace Acode.Application.Configuration;

/// <summary>
/// One configuration key, declared once: its name, how it is documented (type, default, help), read, checked,
/// written and listed. <see cref="ConfigKeyTable{T}"/> drives all of these from a list of keys.
/// </summary>
/// <typeparam name="TConfig">The record the key binds into.</typeparam>
public abstract class ConfigKey<TConfig>
{
    /// <summary>The key as written in the file (camelCase).</summary>
    public required string Name { get; init; }

    /// <summary>One line for the documentation's key table.</summary>
    public required string Help { get; init; }

    /// <summary>The default as the documentation says it; null = taken from the defaults record.</summary>
    public string? DefaultText { get; init; }

    /// <summary>Written by <c>target add</c> even when it has its default value (region, instance type).</summary>
    public bool AlwaysWritten { get; init; }

    /// <summary>Shown by <c>target list --output json</c>; false for values that may hold secrets.</summary>
    public bool Listed { get; init; } = true;

    /// <summary>A file that sets the section must set this key.</summary>
    public bool Required { get; init; }

    /// <summary>The type as the documentation names it.</summary>
    public abstract string TypeName { get; }

    /// <summary>Reads <paramref name="node"/> (not null) into <paramref name="config"/>; problems are reported, not thrown.</summary>
    public abstract TConfig Bind(TConfig config, ConfigNode node, ConfigProblems problems);

    /// <summary>Checks the key's value in a bound configuration (and the other keys it depends on).</summary>
    public abstract void Validate(TConfig config, ConfigProblems problems);

    /// <summary>The key's value as a plain value (see <see cref="ConfigValueType{T}.ToPlain"/>); null = nothing to write.</summary>
    public abstract object? ToPlain(TConfig config);

    /// <summary>The key's value as <c>target list</c> shows it.</summary>
    public abstract object? ToListed(TConfig config);
}

/// <summary>A key bound to a property of type <typeparamref name="TValue"/>.</summary>
/// <typeparam name="TConfig">The record the key binds into.</typeparam>
/// <typeparam name="TValue">The property's type.</typeparam>
public sealed class ConfigKey<TConfig, TValue> : ConfigKey<TConfig>
{
    /// <summary>How the value is read and written.</summary>
    public required ConfigValueType<TValue> Type { get; init; }

    /// <summary>Reads the property.</summary>
    public required Func<TConfig, TValue> Get { get; init; }

    /// <summary>Returns the record with the property set.</summary>
    public required Func<TConfig, TValue, TConfig> Set { get; init; }

    /// <summary>Checks a bound value; problems go to the key's own path.</summary>
    public Action<TConfig, TValue, ConfigProblems>? Check { get; init; }

    /// <inheritdoc />
    public override string TypeName => Type.Name;

    /// <inheritdoc />
    public override TConfig Bind(TConfig config, ConfigNode node, ConfigProblems problems) =>
        Type.TryRead(node, problems, out var value) ? Set(config, value) : config;

    /// <inheritdoc />
    public override void Validate(TConfig config, ConfigProblems problems) => Check?.Invoke(config, Get(config), problems);

    /// <inheritdoc />
    public override object? ToPlain(TConfig config) => Type.ToPlain(Get(config));

    /// <inheritdoc />
    public override object? ToListed(TConfig config) => Type.ToListed(Get(config));
}
