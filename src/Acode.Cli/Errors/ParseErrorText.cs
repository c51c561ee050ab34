using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Acode.Cli.Errors;

/// <summary>
/// The parser's messages as acode prints them: on one line, starting with the flag or argument at fault (the parser
/// leaves it out of "Argument 'xml' not recognized" and "Required argument missing for command").
/// </summary>
internal static partial class ParseErrorText
{
    public static string Format(ParseError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = ListBreaks().Replace(error.Message, " ").Replace(":  ", ": ", StringComparison.Ordinal);
        var symbol = error.SymbolResult switch
        {
            OptionResult option => option.Option.Name,
            ArgumentResult { Parent: OptionResult option } => option.Option.Name,
            ArgumentResult argument => argument.Argument.Name,
            CommandResult command when message.StartsWith("Required argument missing", StringComparison.Ordinal)
                => command.Command.Arguments.FirstOrDefault(a => a.Arity.MinimumNumberOfValues > 0)?.Name,
            _ => null,
        };
        if (symbol is null)
        {
            return message;
        }

        if (message.StartsWith("Required argument missing", StringComparison.Ordinal))
        {
            return error.SymbolResult is CommandResult or ArgumentResult { Parent: CommandResult } ? $"{symbol}: is required" : $"{symbol}: needs a value";
        }

        return message.StartsWith(symbol + ":", StringComparison.Ordinal) || message.Contains($"'{symbol}'", StringComparison.Ordinal)
            ? message
            : $"{symbol}: {message}";
    }

    // "Must be one of:\n\t'table'\n\t'json'" becomes "Must be one of: 'table' 'json'".
    [GeneratedRegex(@"\s*\r?\n\t")]
    private static partial Regex ListBreaks();
}
