namespace Acode.Infrastructure.Compute.Workspace;

/// <summary>
/// Lists a folder as git would without git: <c>.git/info/exclude</c>, then each folder's <c>.gitignore</c>
/// (deeper files win), ignored folders not entered. Links are listed, never followed. <c>.git</c> is skipped.
/// </summary>
internal static class IgnoreFileWalker
{
    /// <summary>
    /// Relative paths of the files and links under <paramref name="root"/> with whether git's rules ignore them;
    /// with <paramref name="enterIgnored"/> false an ignored folder is not entered (nothing inside could come back).
    /// </summary>
    public static IEnumerable<(string Path, bool Ignored)> Walk(string root, bool useGitIgnore, bool enterIgnored)
    {
        var rules = new IgnoreRuleSet();
        var exclude = Path.Combine(root, ".git", "info", "exclude");
        if (useGitIgnore && File.Exists(exclude))
        {
            rules.AddFile(exclude, string.Empty, strict: false);
        }

        return WalkFolder(root, string.Empty, rules, useGitIgnore, enterIgnored, parentIgnored: false);
    }

    private static IEnumerable<(string, bool)> WalkFolder(string root, string folder, IgnoreRuleSet rules, bool useGitIgnore, bool enterIgnored, bool parentIgnored)
    {
        var mark = rules.Count;
        var full = folder.Length == 0 ? root : Path.Combine(root, folder);
        var gitignore = Path.Combine(full, ".gitignore");
        if (useGitIgnore && File.Exists(gitignore))
        {
            rules.AddFile(gitignore, folder, strict: false);
        }

        var entries = new DirectoryInfo(full).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true })
            .OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Name == ".git")
            {
                continue;
            }

            var path = folder.Length == 0 ? entry.Name : folder + "/" + entry.Name;
            var isFolder = entry is DirectoryInfo && entry.LinkTarget is null;
            var ignored = parentIgnored || rules.Match(path, isFolder) == true;
            if (!isFolder)
            {
                yield return (path, ignored);
            }
            else if (!ignored || enterIgnored)
            {
                foreach (var inner in WalkFolder(root, path, rules, useGitIgnore, enterIgnored, ignored))
                {
                    yield return inner;
                }
            }
        }

        rules.TruncateTo(mark);
    }
}
