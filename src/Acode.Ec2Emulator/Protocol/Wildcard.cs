using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Acode.Ec2Emulator.Protocol;

/// <summary>EC2 filter wildcards: <c>*</c> zero or more characters, <c>?</c> zero or one, backslash escapes.</summary>
internal static class Wildcard
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static bool IsMatch(string pattern, string value)
    {
        if (pattern.IndexOfAny(['*', '?', '\\']) < 0)
        {
            return string.Equals(pattern, value, StringComparison.Ordinal);
        }

        if (Cache.Count > 10_000)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(pattern, Compile).IsMatch(value);
    }

    private static Regex Compile(string pattern)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else if (c == '*')
            {
                builder.Append(".*");
            }
            else if (c == '?')
            {
                builder.Append(".?");
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(builder.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
