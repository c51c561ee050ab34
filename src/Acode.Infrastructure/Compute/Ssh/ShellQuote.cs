using System.Text.RegularExpressions;

namespace Acode.Infrastructure.Compute.Ssh;

/// <summary>POSIX shell quoting: every value becomes one literal word, so nothing in it is expanded or run.</summary>
internal static partial class ShellQuote
{
    /// <summary>Wraps <paramref name="value"/> in single quotes; an embedded <c>'</c> becomes <c>'\''</c>.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>True for a valid environment variable name (letters, digits, underscore; not starting with a digit).</summary>
    public static bool IsValidVariableName(string name) => VariableName().IsMatch(name);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex VariableName();
}
