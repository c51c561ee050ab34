using System.Runtime.InteropServices;
using Acode.Cli;
using Acode.Cli.Hosting;

// Ctrl-C and SIGTERM cancel one token that every command receives; the process stays alive so that a command can
// tear down what it started (on its own bounded token) and exit 130. A second signal ends the process at once.
using var interrupted = new CancellationTokenSource();
void Cancel(PosixSignalContext context)
{
    context.Cancel = !interrupted.IsCancellationRequested;
    interrupted.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
return await CliApplication.RunAsync(args, CliHost.FromProcess(), interrupted.Token);
