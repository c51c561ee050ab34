using System.CommandLine;
using Acode.Application.Security;
using Acode.Cli.Errors;
using Acode.Cli.Hosting;

namespace Acode.Cli.CommandLine;

/// <summary>
/// Builds commands with a description that ends in examples, and runs their handlers the same way: settings read,
/// services disposed, every exception turned into its exit code and message by <see cref="ExitCodeMapper"/>.
/// </summary>
internal sealed class CommandFactory
{
    public CommandFactory(GlobalOptions globals, CliHost host)
    {
        Globals = globals;
        Host = host;
    }

    public GlobalOptions Globals { get; }

    public CliHost Host { get; }

    /// <summary>A command whose help shows <paramref name="description"/> then its examples.</summary>
    public static Command Create(string name, string description, params string[] examples)
    {
        var command = new Command(name, description);
        HelpWithExamplesAction.SetExamples(command, examples);
        return command;
    }

    /// <summary>Sets <paramref name="command"/>'s action to <paramref name="handler"/>, with acode's error handling.</summary>
    public void Handle(Command command, Func<CommandContext, CancellationToken, Task<int>> handler) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, handler, cancellationToken));

    private async Task<int> RunAsync(ParseResult parse, Func<CommandContext, CancellationToken, Task<int>> handler, CancellationToken cancellationToken)
    {
        var context = new CommandContext(parse, Globals.Read(parse), Host);
        try
        {
            return await handler(context, cancellationToken);
        }
        catch (Exception e)
        {
            var mapped = ExitCodeMapper.Map(e, cancellationToken.IsCancellationRequested);
            // SIGINT and SIGTERM both cancel the run; which one it was decides between 130 and 143.
            var error = mapped.ExitCode == ExitCodes.Interrupted ? mapped with { ExitCode = Host.Interruption.ExitCode } : mapped;
            // Our messages carry no secrets by design; redaction guards against what a library put into its own.
            await Host.Error.WriteLineAsync("acode: " + SecretRedactor.Redact(error.Message));
            if (context.Settings.Verbose && mapped.ExitCode != ExitCodes.Interrupted)
            {
                await Host.Error.WriteLineAsync(SecretRedactor.Redact(e.ToString()));
            }

            return error.ExitCode;
        }
        finally
        {
            await context.DisposeServicesAsync();
        }
    }
}
