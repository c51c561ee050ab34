using System.Text.Json;

namespace Acode.IntegrationTests.Cli;

/// <summary>What one acode process did.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public JsonDocument Json() => JsonDocument.Parse(Out);

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}
