using System.Globalization;

namespace Acode.Application.Configuration;

/// <summary>The kinds of configuration values; a key declaration picks one.</summary>
public static class ConfigTypes
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>Any text.</summary>
    public static ConfigValueType<string> Text { get; } = new ScalarType<string>("string", Accept, v => v);

    /// <summary>Text that may be absent (null).</summary>
    public static ConfigValueType<string?> OptionalText { get; } = new ScalarType<string?>("string", AcceptOptional, v => v);

    /// <summary>A whole number.</summary>
    public static ConfigValueType<int> Int { get; } = new ScalarType<int>(
        "int",
        (string t, out int v, out string p) => Check(int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v), "must be a whole number", out p),
        v => v);

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static ConfigValueType<bool> Bool { get; } = new ScalarType<bool>(
        "bool",
        (string t, out bool v, out string p) => Check(bool.TryParse(t, out v), "must be true or false", out p),
        v => v);

    /// <summary>A decimal number, written as a number.</summary>
    public static ConfigValueType<decimal> Decimal { get; } = new ScalarType<decimal>("decimal", ParseDecimal, v => v);

    /// <summary>A price: a decimal number, as a string or a number, written as a string (as the spec's User Manual does).</summary>
    public static ConfigValueType<decimal> Price { get; } = new ScalarType<decimal>(
        "decimal, as string or number", ParseDecimal, v => v.ToString(CultureInfo.InvariantCulture));

    /// <summary>A duration with a unit (<see cref="DurationText"/>).</summary>
    public static ConfigValueType<TimeSpan> Duration { get; } = new ScalarType<TimeSpan>(
        "duration",
        (string t, out TimeSpan v, out string p) => DurationText.TryParse(t, out v, out p),
        v => DurationText.Format(v));

    /// <summary>An absolute URL, or absent.</summary>
    public static ConfigValueType<Uri?> Url { get; } = new ScalarType<Uri?>(
        "URL",
        (string t, out Uri? v, out string p) => Check(Uri.TryCreate(t, UriKind.Absolute, out v), "must be an absolute URL like https://ec2.us-west-2.amazonaws.com", out p),
        v => v?.OriginalString);

    /// <summary>A list of strings.</summary>
    public static ConfigValueType<IReadOnlyList<string>> List { get; } = new ListType();

    /// <summary>A map of strings.</summary>
    public static ConfigValueType<IReadOnlyDictionary<string, string>> Map { get; } = new MapType();

    /// <summary>One of an enum's members, written camelCase (<c>consoleOutput</c>); case and dashes are ignored when reading.</summary>
    public static ConfigValueType<TEnum> Enum<TEnum>()
        where TEnum : struct, Enum
    {
        var names = System.Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]).ToList();
        return new ScalarType<TEnum>(
            string.Join(" \\| ", names.Select(n => $"`{n}`")),
            (string t, out TEnum v, out string p) => Check(
                System.Enum.TryParse(t.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out v) && !int.TryParse(t, out _),
                "must be one of " + string.Join(", ", names),
                out p),
            v => char.ToLowerInvariant(v.ToString()[0]) + v.ToString()[1..]);
    }

    /// <summary>The same type, where absent (null) is a value of its own.</summary>
    public static ConfigValueType<T?> Optional<T>(ConfigValueType<T> type)
        where T : struct => new OptionalType<T>(type);

    /// <summary>A nested map bound by <paramref name="table"/>.</summary>
    public static ConfigValueType<T?> Section<T>(ConfigKeyTable<T> table)
        where T : class => new SectionType<T>(table);

    private static bool Accept(string text, out string value, out string problem)
    {
        value = text;
        problem = string.Empty;
        return true;
    }

    private static bool AcceptOptional(string text, out string? value, out string problem)
    {
        value = text;
        problem = string.Empty;
        return true;
    }

    private static bool ParseDecimal(string text, out decimal value, out string problem) =>
        Check(decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out value), "must be a decimal number like 0.05", out problem);

    private static bool Check(bool ok, string problemWhenNot, out string problem)
    {
        problem = ok ? string.Empty : problemWhenNot;
        return ok;
    }
}
