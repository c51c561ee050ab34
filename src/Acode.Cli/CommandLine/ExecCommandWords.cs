using System.CommandLine;
using System.CommandLine.Parsing;
using Acode.Cli.Errors;

namespace Acode.Cli.CommandLine;

/// <summary>
/// When <c>acode exec</c> is given <c>--</c>, the remote command is what follows it. A word before <c>--</c> that the
/// parser could not take as an option (<c>--keep=yes</c>, a misspelled flag's value) would otherwise be run remotely as
/// the start of the command: refuse it instead.
/// </summary>
internal static class ExecCommandWords
{
    public static void RequireAfterDoubleDash(ParseResult parse, Argument<string[]> command)
    {
        var dashDash = parse.Tokens.FirstOrDefault(t => t.Type == TokenType.DoubleDash);
        if (dashDash is null || parse.GetResult(command) is not { } words)
        {
            return;
        }

        var beforeDashDash = parse.Tokens.TakeWhile(t => !ReferenceEquals(t, dashDash)).ToHashSet(ReferenceEqualityComparer.Instance);
        if (words.Tokens.FirstOrDefault(beforeDashDash.Contains) is { } stray)
        {
            throw new UsageException(
                "exec",
                $"\"{stray.Value}\" comes before -- but is no option of exec (see acode exec --help); acode's options go before --, the remote command after it");
        }
    }
}
