using System.CommandLine;
using Acode.Cli.CommandLine;
using Acode.Cli.Commands;
using Acode.Cli.Hosting;

namespace Acode.Cli;

/// <summary>The <c>acode</c> command: builds the command tree, parses, reports usage errors as exit code 2, runs.</summary>
public static class CliApplication
{
    /// <summary>Builds the command tree for <paramref name="host"/>.</summary>
    public static RootCommand BuildRoot(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var globals = new GlobalOptions();
        var factory = new CommandFactory(globals, host);
        var root = new RootCommand("acode runs a developer's work on compute targets: an SSH machine, or an AWS EC2 instance provisioned on demand and terminated after use.");
        HelpWithExamplesAction.SetExamples(
            root,
            ["acode target add ec2 --region us-west-2 --instance-type t3.medium", "acode target ec2 cost --instance-type t3.medium --hours 2", "acode exec --emulator -- uname -a"]);
        HelpWithExamplesAction.Install(root);
        foreach (var option in globals.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(TargetCommands.Create(factory));
        root.Subcommands.Add(ExecCommand.Create(factory));
        root.Subcommands.Add(EmulatorCommand.Create(factory));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var parse = BuildRoot(host).Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not { ClearsParseErrors: true })
        {
            foreach (var error in parse.Errors)
            {
                await host.Error.WriteLineAsync("acode: " + Errors.ParseErrorText.Format(error));
            }

            var path = string.Join(' ', CommandPath(parse.CommandResult));
            await host.Error.WriteLineAsync($"Run '{path} --help' for usage.");
            return ExitCodes.Usage;
        }

        // acode handles Ctrl-C itself (see Program): the token is passed down, and commands tear down on their own terms.
        var invocation = new InvocationConfiguration
        {
            Output = host.Out,
            Error = host.Error,
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult command)
    {
        var names = new Stack<string>();
        for (var result = command; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(result.Parent is null ? "acode" : result.Command.Name);
        }

        return names;
    }
}
