namespace Acode.Application.Configuration;

/// <summary>A single value parsed from its text (<see cref="ConfigTypes"/> holds the instances).</summary>
/// <typeparam name="T">The bound type.</typeparam>
internal sealed class ScalarType<T>(string name, ScalarType<T>.Parser parse, Func<T, object?> toPlain) : ConfigValueType<T>
{
    /// <summary>Parses text; false with a problem (e.g. "must be a whole number") when it is not a value of the type.</summary>
    public delegate bool Parser(string text, out T value, out string problem);

    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override bool TryRead(ConfigNode node, ConfigProblems problems, out T value)
    {
        value = default!;
        if (node is not ConfigScalar scalar)
        {
            problems.Unreadable("must be a single value", node);
            return false;
        }

        if (parse(scalar.Value, out value, out var problem))
        {
            return true;
        }

        problems.Unreadable(problem, node);
        return false;
    }

    /// <inheritdoc />
    public override object? ToPlain(T value) => toPlain(value);
}
