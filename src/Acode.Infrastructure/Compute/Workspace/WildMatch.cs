namespace Acode.Infrastructure.Compute.Workspace;

/// <summary>
/// Git's <c>wildmatch</c> semantics for one gitignore pattern: <c>\x</c> is a literal x; <c>?</c>, <c>*</c> and
/// classes (<c>[a-z]</c>, <c>[!x]</c>, <c>[^x]</c>, <c>[[:alpha:]]</c>) never match <c>/</c> in a path; <c>**</c>
/// between slashes (or at either end) matches across folders, zero or more of them.
/// </summary>
internal static class WildMatch
{
    /// <summary>True when <paramref name="text"/> matches <paramref name="pattern"/> whole.</summary>
    public static bool IsMatch(string pattern, string text) => Match(pattern, 0, text, 0);

    private static bool Match(string p, int pi, string t, int ti)
    {
        for (; pi < p.Length; pi++, ti++)
        {
            var pc = p[pi];
            if (ti >= t.Length && pc != '*')
            {
                return false;
            }

            switch (pc)
            {
                case '\\':
                    pi++;
                    if (pi >= p.Length || t[ti] != p[pi])
                    {
                        return false;
                    }

                    break;
                case '?':
                    if (t[ti] == '/')
                    {
                        return false;
                    }

                    break;
                case '*':
                    return Star(p, pi, t, ti);
                case '[':
                    var end = ClassEnd(p, pi);
                    if (end < 0 || t[ti] == '/' || !InClass(p, pi + 1, end, t[ti]))
                    {
                        return false;
                    }

                    pi = end;
                    break;
                default:
                    if (t[ti] != pc)
                    {
                        return false;
                    }

                    break;
            }
        }

        return ti == t.Length;
    }

    private static bool Star(string p, int pi, string t, int ti)
    {
        var start = pi;
        while (pi < p.Length && p[pi] == '*')
        {
            pi++;
        }

        // "**" crosses folders only as a whole path component: at the start or after '/', and at the end or before '/'.
        var crossesFolders = pi - start >= 2 && (start == 0 || p[start - 1] == '/') && (pi == p.Length || p[pi] == '/');
        if (crossesFolders && pi < p.Length && Match(p, pi + 1, t, ti))
        {
            return true; // "**/" standing for no folder at all
        }

        if (pi == p.Length)
        {
            return crossesFolders || t.IndexOf('/', ti) < 0;
        }

        for (; ti <= t.Length; ti++)
        {
            if (Match(p, pi, t, ti))
            {
                return true;
            }

            if (ti < t.Length && t[ti] == '/' && !crossesFolders)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The index of the ']' closing the class opened at <paramref name="start"/>, or -1 (git then never matches).</summary>
    public static int ClassEnd(string p, int start)
    {
        var i = start + 1;
        if (i < p.Length && p[i] is '!' or '^')
        {
            i++;
        }

        if (i < p.Length && p[i] == ']')
        {
            i++;
        }

        for (; i < p.Length; i++)
        {
            if (p[i] == '\\')
            {
                i++;
            }
            else if (p[i] == '[' && i + 1 < p.Length && p[i + 1] == ':')
            {
                var close = p.IndexOf(":]", i + 2, StringComparison.Ordinal);
                i = close < 0 ? i : close + 1;
            }
            else if (p[i] == ']')
            {
                return i;
            }
        }

        return -1;
    }

    private static bool InClass(string p, int i, int end, char c)
    {
        var negated = p[i] is '!' or '^';
        if (negated)
        {
            i++;
        }

        var found = false;
        for (var first = true; i < end; first = false)
        {
            char low;
            if (p[i] == '[' && i + 1 < end && p[i + 1] == ':' && p.IndexOf(":]", i + 2, StringComparison.Ordinal) is var close and > 0 && close < end)
            {
                found |= Named(p[(i + 2)..close], c);
                i = close + 2;
                continue;
            }

            if (p[i] == '\\' && i + 1 < end)
            {
                i++;
            }
            else if (p[i] == ']' && !first)
            {
                break;
            }

            low = p[i++];
            if (i + 1 < end && p[i] == '-' && p[i + 1] != ']')
            {
                var high = p[i + 1] == '\\' && i + 2 < end ? p[i + 2] : p[i + 1];
                i += p[i + 1] == '\\' ? 3 : 2;
                found |= c >= low && c <= high;
            }
            else
            {
                found |= c == low;
            }
        }

        return found != negated;
    }

    private static bool Named(string name, char c) => name switch
    {
        "alnum" => char.IsAsciiLetterOrDigit(c),
        "alpha" => char.IsAsciiLetter(c),
        "blank" => c is ' ' or '\t',
        "cntrl" => char.IsControl(c),
        "digit" => char.IsAsciiDigit(c),
        "graph" => c > ' ' && c < 127,
        "lower" => char.IsAsciiLetterLower(c),
        "print" => c >= ' ' && c < 127,
        "punct" => char.IsPunctuation(c) || char.IsSymbol(c),
        "space" => char.IsWhiteSpace(c),
        "upper" => char.IsAsciiLetterUpper(c),
        "xdigit" => char.IsAsciiHexDigit(c),
        _ => false,
    };
}
