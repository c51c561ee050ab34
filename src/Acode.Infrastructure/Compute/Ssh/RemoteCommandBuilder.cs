using System.Text;

namespace Acode.Infrastructure.Compute.Ssh;

/// <summary>
/// Builds the remote command lines the SSH target runs. A user command runs in its own session and process group
/// (<c>setsid -w</c>), whose id it prints as the first stdout line, so a timeout or cancellation can kill the whole
/// group over a second channel: OpenSSH refuses SSH signals for root sessions, and a signal would only reach the
/// shell, not its children.
/// </summary>
internal static class RemoteCommandBuilder
{
    /// <summary>Wraps a user command: prints the process group id, applies directory and environment, then runs it.</summary>
    public static string Wrap(string command, string workingDirectory, IReadOnlyDictionary<string, string> environment, bool hasStandardInput)
    {
        var inner = new StringBuilder();
        inner.Append("printf '%s\\n' \"$$\"\n");
        inner.Append("cd -- ").Append(ShellQuote.Quote(workingDirectory)).Append(" || exit 126\n");
        foreach (var (name, value) in environment)
        {
            if (!ShellQuote.IsValidVariableName(name))
            {
                throw new ArgumentException($"'{name}' is not a valid environment variable name.", nameof(environment));
            }

            inner.Append("export ").Append(name).Append('=').Append(ShellQuote.Quote(value)).Append('\n');
        }

        if (!hasStandardInput)
        {
            inner.Append("exec </dev/null\n");
        }

        inner.Append(command).Append('\n');
        return "exec setsid -w \"${SHELL:-/bin/sh}\" -c " + ShellQuote.Quote(inner.ToString());
    }

    /// <summary>Stops a process group: TERM, then KILL for whatever is still alive after about two seconds.</summary>
    public static string KillProcessGroup(int processGroup) =>
        $"kill -TERM -- -{processGroup} 2>/dev/null; i=0; " +
        $"while kill -0 -- -{processGroup} 2>/dev/null && [ $i -lt 20 ]; do sleep 0.1; i=$((i+1)); done; " +
        $"kill -KILL -- -{processGroup} 2>/dev/null; true";
}
