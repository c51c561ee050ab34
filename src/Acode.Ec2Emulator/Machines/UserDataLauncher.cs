using System.Diagnostics;

namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// Starts the user-data runner as the machine's user, in its HOME, in a session of its own (setsid), detached from
/// the emulator, with stdout and stderr appended to the console log.
/// </summary>
internal static class UserDataLauncher
{
    public static async Task LaunchAsync(MachineLayout layout, LinuxAccount account, bool asRoot, string marker, string runner, CancellationToken cancellationToken)
    {
        // The console log is opened by this shell before dropping privileges, so the user can append without owning it.
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = layout.Home, UseShellExecute = false };
        foreach (var argument in new[] { "-c", "log=$1; shift; exec >>\"$log\" 2>&1 </dev/null; exec \"$@\"", "sh", layout.ConsoleLog, MachineConstants.SetsidPath, "-f" })
        {
            start.ArgumentList.Add(argument);
        }

        if (asRoot)
        {
            foreach (var argument in new[] { MachineConstants.SetprivPath, $"--reuid={account.Uid}", $"--regid={account.Gid}", "--init-groups", "--" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add("/bin/sh");
        start.ArgumentList.Add(runner);
        start.Environment.Clear();
        start.Environment["HOME"] = layout.Home;
        start.Environment["USER"] = account.Name;
        start.Environment["LOGNAME"] = account.Name;
        start.Environment["SHELL"] = account.Shell;
        start.Environment["PATH"] = $"{layout.Bin}:{MachineConstants.SystemPath}";
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment[MachineConstants.InstanceMarkerVariable] = marker;

        using var process = Process.Start(start)!;
        // setsid -f forks and returns at once; the runner lives on in its own session.
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"starting user data failed with exit code {process.ExitCode}");
        }
    }
}
