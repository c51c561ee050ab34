using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace Acode.Cli.CommandLine;

/// <summary>
/// The standard help, followed by the command's examples. Examples live apart from the description so that a
/// parent's list of subcommands stays one line each.
/// </summary>
internal sealed class HelpWithExamplesAction : SynchronousCommandLineAction
{
    private static readonly ConditionalWeakTable<Command, string[]> Examples = [];
    private readonly HelpAction _standard;

    public HelpWithExamplesAction(HelpAction standard)
    {
        _standard = standard;
    }

    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <summary>Records the examples shown under <paramref name="command"/>'s help.</summary>
    public static void SetExamples(Command command, string[] examples) => Examples.AddOrUpdate(command, examples);

    /// <summary>Replaces the help option's action on <paramref name="root"/> (the option is recursive, so every command gets it).</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExamplesAction((HelpAction)help.Action!);
    }

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        var result = _standard.Invoke(parseResult);
        if (Examples.TryGetValue(parseResult.CommandResult.Command, out var examples) && examples.Length > 0)
        {
            var output = parseResult.InvocationConfiguration.Output;
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
