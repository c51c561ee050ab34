namespace Acode.Application.Compute.Ec2;

/// <summary>"Did you mean" suggestions by edit distance, for region names, instance types and configuration keys.</summary>
public static class DidYouMean
{
    /// <summary>The candidate nearest to <paramref name="value"/> if it is close enough to be a typo, else null.</summary>
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        var ranked = Ranked(value, candidates, 1);
        return ranked.Count > 0 ? ranked[0] : null;
    }

    /// <summary>Up to <paramref name="count"/> candidates close enough to be typos, nearest first, ties in ordinal order.</summary>
    public static IReadOnlyList<string> Ranked(string value, IEnumerable<string> candidates, int count)
    {
        ArgumentNullException.ThrowIfNull(value);
        var limit = Math.Max(1, Math.Min(3, value.Length / 3));
        return candidates
            .Select(c => (Candidate: c, Distance: Distance(value.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(x => x.Distance <= limit && !string.Equals(x.Candidate, value, StringComparison.Ordinal))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Candidate)
            .ToList();
    }

    /// <summary>Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
