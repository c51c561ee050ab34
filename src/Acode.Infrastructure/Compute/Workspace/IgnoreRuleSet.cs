using Acode.Application.Compute;

namespace Acode.Infrastructure.Compute.Workspace;

/// <summary>
/// Gitignore rules from several sources, each anchored at the folder its file sits in. As in git, the last rule
/// that matches decides (sources added later win, so a deeper <c>.gitignore</c> overrides a shallower one), and
/// a negated rule (<c>!x</c>) brings a path back. (MAB.DotIgnore was tried and left: it misreads <c>!</c> inside a
/// pattern and escaped characters, which the corpus test against <c>git check-ignore</c> shows.)
/// </summary>
internal sealed class IgnoreRuleSet
{
    private readonly List<(string Base, GitIgnorePattern Rule)> _rules = [];

    /// <summary>The number of rules, a mark to <see cref="TruncateTo"/> when a walk leaves a folder.</summary>
    public int Count => _rules.Count;

    /// <summary>Drops the rules added after <paramref name="count"/>.</summary>
    public void TruncateTo(int count) => _rules.RemoveRange(count, _rules.Count - count);

    /// <summary>
    /// Adds the lines of an ignore file anchored at <paramref name="baseFolder"/> (relative, "" for the root).
    /// Strict files (acode's own) fail on a malformed pattern; git's files skip it, as git does.
    /// </summary>
    public void AddFile(string path, string baseFolder, bool strict)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            Add(line, baseFolder, strict ? $"{path}:{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : null);
        }
    }

    /// <summary>Adds one line; a non-null <paramref name="origin"/> (file:line, a flag) makes a malformed one an error.</summary>
    public void Add(string line, string baseFolder, string? origin)
    {
        var pattern = TrimTrailingSpaces(line.TrimEnd('\r'));
        if (pattern.Length == 0 || pattern.StartsWith('#'))
        {
            return;
        }

        if (Problem(pattern) is { } problem)
        {
            // Git silently never matches such a line; in acode's own files and flags it is a mistake to report.
            if (origin is not null)
            {
                throw new InvalidConfigurationException($"{origin}: pattern \"{pattern}\" is malformed ({problem}); fix or remove it (gitignore syntax: https://git-scm.com/docs/gitignore)");
            }

            return;
        }

        _rules.Add((baseFolder, GitIgnorePattern.Parse(pattern)));
    }

    /// <summary>True: ignored; false: brought back by a negated rule; null: no rule speaks of the path.</summary>
    public bool? Match(string path, bool isDirectory)
    {
        for (var i = _rules.Count - 1; i >= 0; i--)
        {
            var (root, rule) = _rules[i];
            if (root.Length > 0 && !path.StartsWith(root + "/", StringComparison.Ordinal))
            {
                continue;
            }

            var relative = root.Length == 0 ? path : path[(root.Length + 1)..];
            if (rule.IsMatch(relative, isDirectory))
            {
                return !rule.Negated;
            }
        }

        return null;
    }

    /// <summary>
    /// True when the path or a folder above it is ignored: as in git, a file inside an ignored folder cannot be
    /// brought back by a negated rule, because git never looks inside that folder.
    /// </summary>
    public bool IsIgnored(string path, bool isDirectory)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            if (Match(path[..slash], isDirectory: true) == true)
            {
                return true;
            }
        }

        return Match(path, isDirectory) == true;
    }

    // Git drops trailing spaces unless escaped with a backslash.
    private static string TrimTrailingSpaces(string line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ' && !(end > 1 && line[end - 2] == '\\'))
        {
            end--;
        }

        return line[..end];
    }

    // What git's wildmatch would silently never match; acode says so for the patterns a user writes for it.
    private static string? Problem(string pattern)
    {
        var body = pattern.StartsWith('!') ? pattern[1..] : pattern;
        if (body.Length == 0 || body == "/")
        {
            return "nothing to match";
        }

        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\\')
            {
                if (i == body.Length - 1)
                {
                    return "a trailing backslash escapes nothing";
                }

                i++;
            }
            else if (body[i] == '[')
            {
                var close = WildMatch.ClassEnd(body, i);
                if (close < 0)
                {
                    return "a '[' without its ']'";
                }

                i = close;
            }
        }

        return null;
    }
}
