using System.Text;

namespace Acode.IntegrationTests.Cli;

/// <summary>
/// One row of the bad-input corpus: the command line (split at spaces; "" is an empty argument, "a b" one argument),
/// the exit code, the text stderr must contain (the flag, argument or field at fault, usually with the problem), and
/// optionally the project's <c>.acode/config.yml</c>.
/// </summary>
internal sealed record BadInput(string CommandLine, int ExitCode, string Named, string? Config = null)
{
    public IReadOnlyList<string> Args()
    {
        var args = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var started = false;
        foreach (var c in CommandLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
                started = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (started)
                {
                    args.Add(current.ToString());
                }

                current.Clear();
                started = false;
            }
            else
            {
                current.Append(c);
                started = true;
            }
        }

        if (started)
        {
            args.Add(current.ToString());
        }

        return args;
    }

    public override string ToString() => Config is null ? $"acode {CommandLine}" : $"acode {CommandLine} (config: {Config.ReplaceLineEndings(" | ")})";
}
