using Acode.Domain;

namespace Acode.Cli.Errors;

/// <summary>A flag or argument has a value acode cannot use; the message names the flag. Exit code 2.</summary>
public sealed class UsageException : AcodeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="flag">The flag or argument at fault, e.g. <c>--tag</c>.</param>
    /// <param name="problem">What is wrong and what would be right.</param>
    public UsageException(string flag, string problem)
        : base($"{flag}: {problem}")
    {
        Flag = flag;
    }

    /// <summary>The flag or argument at fault.</summary>
    public string Flag { get; }
}
