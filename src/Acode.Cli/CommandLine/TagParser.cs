using Acode.Cli.Errors;

namespace Acode.Cli.CommandLine;

/// <summary>Parses repeated <c>--tag key=value</c> flags.</summary>
internal static class TagParser
{
    /// <summary>The tags, in order; a later duplicate key wins.</summary>
    /// <exception cref="UsageException">A value is not <c>key=value</c> with a non-empty key.</exception>
    public static Dictionary<string, string> Parse(IEnumerable<string> values)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException("--tag", $"expected key=value (e.g. --tag project=my-project), got \"{value}\"");
            }

            tags[value[..equals].Trim()] = value[(equals + 1)..];
        }

        return tags;
    }
}
