using System.Diagnostics;

namespace Acode.IntegrationTests.Cli;

/// <summary>
/// Runs the built <c>acode</c> as a separate process (<c>dotnet acode.dll ...</c>) in its own temporary working folder,
/// with a clean environment: no AWS_* or ACODE_* variables and HOME in a temporary folder. Dispose deletes the folder.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    public CliProcess()
    {
        Root = Path.Combine(Path.GetTempPath(), "acode-cli-" + Guid.NewGuid().ToString("N"));
        WorkingDirectory = Path.Combine(Root, "project");
        Home = Path.Combine(Root, "home");
        Directory.CreateDirectory(WorkingDirectory);
        Directory.CreateDirectory(Home);
    }

    public string Root { get; }

    public string WorkingDirectory { get; }

    public string Home { get; }

    /// <summary>The default config file of the working folder.</summary>
    public string ConfigPath => Path.Combine(WorkingDirectory, ".acode", "config.yml");

    /// <summary>The built acode.dll: beside this test assembly (the project reference copies it), else under src/Acode.Cli/bin.</summary>
    public static string AcodeDll { get; } = FindAcodeDll();

    public void WriteConfig(string yaml)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigPath)!);
        File.WriteAllText(ConfigPath, yaml);
    }

    public async Task<CliResult> RunAsync(params string[] args) => await RunAsync(args, new Dictionary<string, string>());

    public async Task<CliResult> RunAsync(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var start = StartInfo(args, environment);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(RunTimeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"acode {string.Join(' ', args)} did not exit within {RunTimeout}");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>Starts acode and leaves it running (for long-running commands); the caller stops and disposes it.</summary>
    public Process Start(params string[] args)
    {
        var process = Process.Start(StartInfo(args, new Dictionary<string, string>()))!;
        process.StandardInput.Close();
        return process;
    }

    private ProcessStartInfo StartInfo(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        // A shell that starts the tests in the background (CI may) passes SIGINT down ignored, and .NET then never
        // sees Ctrl-C: restore its default so acode meets SIGINT as it would in a terminal.
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(AcodeDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "DOTNET_ROOT", "DOTNET_ROOT_X64" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        start.Environment["HOME"] = Home;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    private static string FindAcodeDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "acode.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "acode.runtimeconfig.json")))
        {
            return beside;
        }

        // bin/<Configuration>/net10.0 of this project mirrors that of src/Acode.Cli.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        for (var dir = framework; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Acode.Cli", "bin", configuration, framework.Name, "acode.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("The built acode.dll was not found; build src/Acode.Cli first.");
    }
}
