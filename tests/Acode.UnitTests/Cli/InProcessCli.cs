using Acode.Cli;
using Acode.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Acode.UnitTests.Cli;

/// <summary>Runs the CLI in this process with string writers, a chosen environment and a folder that holds no config file.</summary>
internal static class InProcessCli
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(
        string[] args,
        IReadOnlyDictionary<string, string?>? environment = null,
        Action<IServiceCollection>? services = null,
        string? workingDirectory = null,
        TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new CliHost
        {
            Out = output,
            Error = error,
            Environment = environment ?? new Dictionary<string, string?>(),
            WorkingDirectory = workingDirectory ?? Path.Combine(Path.GetTempPath(), "acode-unit-" + Guid.NewGuid().ToString("N")),
            ConfigureServices = services,
            Time = time ?? TimeProvider.System,
        };
        var code = await CliApplication.RunAsync(args, host, cancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}
