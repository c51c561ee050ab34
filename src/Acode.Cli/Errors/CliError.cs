namespace Acode.Cli.Errors;

/// <summary>What the user sees when a command fails: the exit code and a one-paragraph message.</summary>
/// <param name="ExitCode">One of <see cref="ExitCodes"/>.</param>
/// <param name="Message">The message, naming the field, flag or mode at fault; never a stack trace or a secret.</param>
public sealed record CliError(int ExitCode, string Message);
