using System.Text;

namespace Acode.Infrastructure.Compute.Ssh;

/// <summary>
/// Builds the remote command lines the SSH target runs. OpenSSH starts every exec session's shell with
/// <c>setsid()</c>, so that shell leads its own process group and everything it starts stays in it (a
/// non-interactive shell does no job control). The wrapper prints the shell's pid, i.e. the group id, as the first
/// stdout line; a timeout or cancellation then kills the whole group over a second channel, because OpenSSH
/// refuses SSH signals for root sessions and a signal would reach only the shell, not its children. The user
/// command runs in that same shell, with no extra process, which keeps a command's round trip short.
/// </summary>
internal static class RemoteCommandBuilder
{
    /// <summary>Wraps a user command: prints the process group id, applies directory and environment, then runs it.</summary>
    public static string Wrap(string command, string workingDirectory, IReadOnlyDictionary<string, string> environment, bool hasStandardInput)
    {
        var script = new StringBuilder();
        script.Append("printf '%s\\n' \"$$\" && cd -- ").Append(ShellQuote.Quote(workingDirectory)).Append(" || exit 126\n");
        foreach (var (name, value) in environment)
        {
            if (!ShellQuote.IsValidVariableName(name))
            {
                throw new ArgumentException($"'{name}' is not a valid environment variable name.", nameof(environment));
            }

            script.Append("export ").Append(name).Append('=').Append(ShellQuote.Quote(value)).Append('\n');
        }

        if (!hasStandardInput)
        {
            script.Append("exec </dev/null\n");
        }

        return script.Append(command).Append('\n').ToString();
    }

    /// <summary>Stops a process group: TERM, then KILL for whatever is still alive after about two seconds.</summary>
    public static string KillProcessGroup(int processGroup) =>
        $"kill -TERM -- -{processGroup} 2>/dev/null; i=0; " +
        $"while kill -0 -- -{processGroup} 2>/dev/null && [ $i -lt 20 ]; do sleep 0.1; i=$((i+1)); done; " +
        $"kill -KILL -- -{processGroup} 2>/dev/null; true";
}
