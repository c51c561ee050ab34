namespace Acode.Application.Configuration;

/// <summary>
/// A configuration value as read from a file, independent of the file format: the YAML loader turns its nodes into
/// these so that binding and its problem lines live here, beside the key declarations, with no parser dependency.
/// </summary>
/// <param name="Line">The 1-based line the value starts on, for problem lines.</param>
public abstract record ConfigNode(long Line)
{
    /// <summary>How the value reads in a problem line's <c>got</c> part.</summary>
    public abstract string Shown { get; }
}

/// <summary>A single value. <paramref name="IsNull"/> is an explicit null (<c>~</c>, <c>null</c> or nothing), which keeps the default.</summary>
public sealed record ConfigScalar(string Value, bool IsNull, long Line) : ConfigNode(Line)
{
    /// <inheritdoc />
    public override string Shown => Value;
}

/// <summary>A list of values.</summary>
public sealed record ConfigList(IReadOnlyList<ConfigNode> Items, long Line) : ConfigNode(Line)
{
    /// <inheritdoc />
    public override string Shown => "a list";
}

/// <summary>A map of keys to values, in file order.</summary>
public sealed record ConfigMap(IReadOnlyList<ConfigEntry> Entries, long Line) : ConfigNode(Line)
{
    /// <inheritdoc />
    public override string Shown => "a map";
}

/// <summary>One key of a map and its value; <paramref name="Line"/> is the key's line.</summary>
public sealed record ConfigEntry(string Key, long Line, ConfigNode Value);
