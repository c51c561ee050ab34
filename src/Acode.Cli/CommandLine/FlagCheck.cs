using Acode.Cli.Errors;

namespace Acode.Cli.CommandLine;

/// <summary>Range checks of flag values after parsing (the parser has already rejected values of the wrong type).</summary>
internal static class FlagCheck
{
    /// <summary>Throws <see cref="UsageException"/> naming <paramref name="flag"/> unless <paramref name="ok"/>.</summary>
    public static void Require(bool ok, string flag, string problem)
    {
        if (!ok)
        {
            throw new UsageException(flag, problem);
        }
    }
}
