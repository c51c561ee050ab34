namespace Acode.Infrastructure.Compute.Workspace;

/// <summary>
/// One gitignore line, read as git reads it: a leading <c>!</c> negates, a trailing <c>/</c> matches folders only,
/// a pattern without an inner <c>/</c> matches a name at any depth, one with a <c>/</c> is anchored at the folder
/// of its file.
/// </summary>
internal sealed record GitIgnorePattern(string Glob, bool Negated, bool FoldersOnly, bool NameOnly)
{
    /// <summary>Reads a line already stripped of comments and trailing spaces.</summary>
    public static GitIgnorePattern Parse(string line)
    {
        var negated = line.StartsWith('!');
        var body = negated ? line[1..] : line;
        var foldersOnly = body.EndsWith('/');
        body = body.TrimEnd('/');
        var nameOnly = !body.Contains('/', StringComparison.Ordinal);
        return new GitIgnorePattern(body.TrimStart('/'), negated, foldersOnly, nameOnly);
    }

    /// <summary>True when the pattern speaks of <paramref name="path"/> (relative to the pattern's folder).</summary>
    public bool IsMatch(string path, bool isFolder)
    {
        if (FoldersOnly && !isFolder)
        {
            return false;
        }

        return WildMatch.IsMatch(Glob, NameOnly ? path[(path.LastIndexOf('/') + 1)..] : path);
    }
}
