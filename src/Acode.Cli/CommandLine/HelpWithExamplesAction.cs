using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Acode.Cli.CommandLine;

/// <summary>
/// The standard help, followed by the command's examples. Examples live apart from the description so that a
/// parent's list of subcommands stays one line each.
/// </summary>
internal sealed class HelpWithExamplesAction : SynchronousCommandLineAction
{
    private static readonly ConditionalWeakTable<Command, string[]> Examples = [];
    private static readonly ConditionalWeakTable<Option, Tuple<string, string>> DefaultTexts = [];
    private readonly HelpAction _standard;

    public HelpWithExamplesAction(HelpAction standard)
    {
        _standard = standard;
    }

    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <summary>Records the examples shown under <paramref name="command"/>'s help.</summary>
    public static void SetExamples(Command command, string[] examples) => Examples.AddOrUpdate(command, examples);

    /// <summary>Shows <paramref name="text"/> as <paramref name="option"/>'s default in help instead of <paramref name="raw"/>, the value's own ToString.</summary>
    public static void SetDefaultText(Option option, string raw, string text) => DefaultTexts.AddOrUpdate(option, Tuple.Create(raw, text));

    /// <summary>Replaces the help option's action on <paramref name="root"/> (the option is recursive, so every command gets it).</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExamplesAction((HelpAction)help.Action!);
    }

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        // The standard help prints a default with its ToString (02:00:00 for a TimeSpan) and offers no public way to
        // change that, so its text is rewritten for the options that registered their own.
        var output = parseResult.InvocationConfiguration.Output;
        using var standard = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        parseResult.InvocationConfiguration.Output = standard;
        int result;
        try
        {
            result = _standard.Invoke(parseResult);
        }
        finally
        {
            parseResult.InvocationConfiguration.Output = output;
        }

        var text = standard.ToString();
        foreach (var option in parseResult.CommandResult.Command.Options)
        {
            if (DefaultTexts.TryGetValue(option, out var shown))
            {
                text = Regex.Replace(text, @"\[default:(\s+)" + Regex.Escape(shown.Item1) + @"\]", m => $"[default:{m.Groups[1].Value}{shown.Item2}]");
            }
        }

        output.Write(text);
        if (Examples.TryGetValue(parseResult.CommandResult.Command, out var examples) && examples.Length > 0)
        {
            output.WriteLine("Examples:");
            foreach (var example in examples)
            {
                output.WriteLine("  " + example);
            }

            output.WriteLine();
        }

        return result;
    }
}
