namespace Acode.Infrastructure.Compute.Ec2.UserData;

/// <summary>POSIX shell quoting for values acode puts into scripts and remote commands.</summary>
internal static class ShellQuote
{
    /// <summary>Quotes a value with single quotes; an embedded single quote becomes <c>'\''</c>.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
