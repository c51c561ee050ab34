using Acode.Cli.Errors;

namespace Acode.Cli.CommandLine;

/// <summary>One <c>--download REMOTE:LOCAL</c> of <c>acode exec</c>.</summary>
/// <param name="Remote">The remote path (relative to the remote workspace unless absolute).</param>
/// <param name="Local">The local path.</param>
internal sealed record DownloadSpec(string Remote, string Local)
{
    /// <summary>Parses <c>REMOTE:LOCAL</c>; the first colon splits, so a remote path may not hold one.</summary>
    /// <exception cref="UsageException">Either side is empty or there is no colon.</exception>
    public static DownloadSpec Parse(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1)
        {
            throw new UsageException("--download", $"expected REMOTE:LOCAL (e.g. --download out/report.xml:./report.xml), got \"{value}\"");
        }

        return new DownloadSpec(value[..colon], value[(colon + 1)..]);
    }
}
