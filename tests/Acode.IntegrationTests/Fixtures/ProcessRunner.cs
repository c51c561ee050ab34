using System.Diagnostics;

namespace Acode.IntegrationTests.Fixtures;

/// <summary>Runs a local program to completion and returns its exit code and output.</summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="fileName"/> with arguments (no shell) and waits for it.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>Runs a program and throws when it exits non-zero.</summary>
    public static async Task<string> RunCheckedAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var (code, stdout, stderr) = await RunAsync(fileName, arguments, cancellationToken).ConfigureAwait(false);
        return code == 0 ? stdout : throw new InvalidOperationException($"{fileName} exited {code}: {stderr.Trim()}");
    }
}
