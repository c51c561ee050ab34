using System.Diagnostics;

namespace Acode.Benchmarks.CrashTrials;

/// <summary>Starts the built acode (copied beside this program) with SIGINT at its default disposition and a fixed environment.</summary>
internal static class AcodeProcess
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "acode.dll");

    public static Process Start(string workingDirectory, params string[] args)
    {
        // A shell that starts this in the background hands SIGINT down ignored; env restores the default.
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--default-signal=INT", "dotnet", Dll, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = "test";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["DOTNET_NOLOGO"] = "1";

        // A SIGKILLed runtime cannot remove its diagnostic socket from the temp folder: make none.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }

    /// <summary>Runs acode to the end; returns its exit code and standard error.</summary>
    public static async Task<(int ExitCode, string Error)> RunAsync(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"acode {string.Join(' ', args)} did not exit within {timeout}");
        }

        await output;
        return (process.ExitCode, await error);
    }

    /// <summary>Sends <paramref name="signal"/> (INT, KILL) to <paramref name="pid"/>.</summary>
    public static async Task SignalAsync(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }
}
