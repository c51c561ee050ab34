using System.Runtime.InteropServices;
using Acode.Cli;
using Acode.Cli.Hosting;

// Ctrl-C and SIGTERM cancel one token that every command receives; the process stays alive so that a command can
// tear down what it started (on its own bounded token) and exit 130 (SIGINT) or 143 (SIGTERM). A second signal ends
// the process at once, naming what may remain.
using var interruption = new Interruption();
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    if (!interruption.OnSignal(context.Signal))
    {
        foreach (var line in interruption.LeavingLines())
        {
            Console.Error.WriteLine(line);
        }

        Environment.Exit(interruption.ExitCode);
    }
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
return await CliApplication.RunAsync(args, CliHost.FromProcess(interruption), interruption.Token);
