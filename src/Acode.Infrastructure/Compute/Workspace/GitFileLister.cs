using System.ComponentModel;
using System.Diagnostics;

namespace Acode.Infrastructure.Compute.Workspace;

/// <summary>
/// Git's own answer to "what is this project": the tracked files and the untracked ones no ignore rule excludes
/// (<c>git ls-files -co --exclude-standard</c>), which also honours the user's global excludes file.
/// </summary>
internal static class GitFileLister
{
    /// <summary>Paths relative to <paramref name="root"/>, or null when git is absent or the folder is not in a work tree.</summary>
    public static Task<IReadOnlyList<string>?> ListAsync(string root, CancellationToken cancellationToken) =>
        RunAsync(root, ["ls-files", "-co", "--exclude-standard", "-z"], cancellationToken);

    /// <summary>The untracked files git's rules ignore (for <c>--include</c> to pick from), or null.</summary>
    public static Task<IReadOnlyList<string>?> ListIgnoredAsync(string root, CancellationToken cancellationToken) =>
        RunAsync(root, ["ls-files", "-oi", "--exclude-standard", "-z"], cancellationToken);

    private static async Task<IReadOnlyList<string>?> RunAsync(string root, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            return null; // no git on this machine: acode evaluates the same rules itself
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await stderr.ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return process.ExitCode == 0 ? output.Split('\0', StringSplitOptions.RemoveEmptyEntries) : null;
        }
    }
}
