using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Acode.Cli.CommandLine;

/// <summary>
/// Options whose value is a number, parsed invariantly with a message that names the flag and the kind of number
/// expected (the parser's own message names a .NET type instead). Ranges are checked by the commands.
/// </summary>
internal static class NumberOption
{
    private const NumberStyles Decimals = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>A whole number, with a default when given.</summary>
    public static Option<int> Whole(string name, string description, int? defaultValue = null) =>
        Create(name, description, defaultValue, result => ParseWhole(name, result));

    /// <summary>A whole number that may be left out (null).</summary>
    public static Option<int?> OptionalWhole(string name, string description) =>
        Create<int>(name, description, result => ParseWhole(name, result));

    /// <summary>A decimal number, with a default when given.</summary>
    public static Option<decimal> Decimal(string name, string description, decimal? defaultValue = null) =>
        Create(name, description, defaultValue, result => ParseDecimal(name, result));

    /// <summary>A decimal number that may be left out (null).</summary>
    public static Option<decimal?> OptionalDecimal(string name, string description) =>
        Create<decimal>(name, description, result => ParseDecimal(name, result));

    private static Option<T> Create<T>(string name, string description, T? defaultValue, Func<ArgumentResult, T> parse)
        where T : struct
    {
        var option = new Option<T>(name) { Description = description, HelpName = "number", CustomParser = parse };
        if (defaultValue is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }

        return option;
    }

    private static Option<T?> Create<T>(string name, string description, Func<ArgumentResult, T?> parse)
        where T : struct =>
        new(name) { Description = description, HelpName = "number", CustomParser = parse };

    private static int ParseWhole(string name, ArgumentResult result)
    {
        var text = Text(result);
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"{name}: expected a whole number like 4, got \"{text}\"");
        return 0;
    }

    private static decimal ParseDecimal(string name, ArgumentResult result)
    {
        var text = Text(result);
        if (decimal.TryParse(text, Decimals, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"{name}: expected a number like 1.5, got \"{text}\"");
        return 0m;
    }

    private static string Text(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
}
