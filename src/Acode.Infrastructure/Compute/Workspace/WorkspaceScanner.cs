using Acode.Application.Compute.Workspace;

namespace Acode.Infrastructure.Compute.Workspace;

/// <summary>
/// Makes a <see cref="WorkspaceFileSet"/>: in a git work tree git lists the project (tracked files and untracked
/// ones its rules do not ignore); elsewhere, or without git, acode applies the same rules itself. On top of
/// either: <c>.acodeignore</c> and the exclude patterns, then the secret-looking files, and last the include
/// patterns, which bring back anything (also <c>.git</c>).
/// </summary>
public static class WorkspaceScanner
{
    /// <summary>acode's own ignore file at the workspace root, in gitignore syntax.</summary>
    public const string AcodeIgnoreFileName = ".acodeignore";

    /// <summary>Names that usually hold credentials: left out unless an include pattern names them.</summary>
    public static readonly IReadOnlyList<string> SecretPatterns = [".env*", "*.pem", "id_*", "*.key", "credentials"];

    /// <summary>The set the rules select under <paramref name="root"/>.</summary>
    public static Task<WorkspaceFileSet> ScanAsync(string root, WorkspaceRules rules, CancellationToken cancellationToken = default) =>
        ScanAsync(root, rules, useGit: true, cancellationToken);

    /// <summary>Every entry under <paramref name="root"/>, empty folders too, links as links: an explicit tree upload.</summary>
    public static WorkspaceFileSet Everything(string root)
    {
        var full = Path.GetFullPath(root);
        var entries = new List<WorkspaceEntry>();
        var pending = new Stack<string>([string.Empty]);
        while (pending.TryPop(out var folder))
        {
            // Not RecurseSubdirectories: it would follow a link to a folder out of the workspace.
            foreach (var info in new DirectoryInfo(Path.Combine(full, folder)).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0 }))
            {
                var path = folder.Length == 0 ? info.Name : folder + "/" + info.Name;
                if (info is DirectoryInfo { LinkTarget: null })
                {
                    entries.Add(new WorkspaceEntry(path, WorkspaceEntryKind.Directory, 0));
                    pending.Push(path);
                }
                else if (Entry(path, info) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new WorkspaceFileSet { Root = full, Entries = entries, Source = "everything" };
    }

    internal static async Task<WorkspaceFileSet> ScanAsync(string root, WorkspaceRules rules, bool useGit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var full = Path.GetFullPath(root);
        if (!rules.UseIgnoreRules)
        {
            return Everything(full);
        }

        var overlay = new IgnoreRuleSet();
        var acodeIgnore = Path.Combine(full, AcodeIgnoreFileName);
        if (File.Exists(acodeIgnore))
        {
            overlay.AddFile(acodeIgnore, string.Empty, strict: true);
        }

        AddAll(overlay, rules.Excludes);
        var includes = new IgnoreRuleSet();
        AddAll(includes, rules.Includes);
        var secrets = new IgnoreRuleSet();
        foreach (var pattern in SecretPatterns)
        {
            secrets.Add(pattern, string.Empty, origin: null);
        }

        var (candidates, source) = await CandidatesAsync(full, includes, useGit, cancellationToken).ConfigureAwait(false);
        var entries = new List<WorkspaceEntry>();
        var leftOut = new List<string>();
        foreach (var (path, ignoredByProject) in candidates)
        {
            var included = includes.Count > 0 && includes.IsIgnored(path, isDirectory: false);
            if (!included && (ignoredByProject || overlay.IsIgnored(path, isDirectory: false)))
            {
                continue;
            }

            if (Entry(path, new FileInfo(Path.Combine(full, path))) is not { } entry)
            {
                continue; // listed by git but deleted since, or not a file
            }

            if (!included && secrets.IsIgnored(path, isDirectory: false))
            {
                leftOut.Add(path);
                continue;
            }

            entries.Add(entry);
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new WorkspaceFileSet { Root = full, Entries = entries, SecretsLeftOut = leftOut, Source = source };
    }

    private static void AddAll(IgnoreRuleSet set, IReadOnlyList<WorkspacePattern> patterns)
    {
        foreach (var pattern in patterns)
        {
            set.Add(pattern.Pattern, string.Empty, pattern.Origin);
        }
    }

    // Every path that might be sent, with whether the project's own rules (gitignore) ignore it.
    private static async Task<(List<(string, bool)>, string)> CandidatesAsync(string root, IgnoreRuleSet includes, bool useGit, CancellationToken cancellationToken)
    {
        var listed = useGit ? await GitFileLister.ListAsync(root, cancellationToken).ConfigureAwait(false) : null;
        var candidates = new List<(string, bool)>();
        if (includes.Count > 0 && Directory.Exists(Path.Combine(root, ".git")) && includes.IsIgnored(".git", isDirectory: true))
        {
            candidates.AddRange(Everything(Path.Combine(root, ".git")).Entries.Where(e => e.Kind != WorkspaceEntryKind.Directory).Select(e => (".git/" + e.Path, true)));
        }

        if (listed is null)
        {
            candidates.AddRange(IgnoreFileWalker.Walk(root, useGitIgnore: true, enterIgnored: includes.Count > 0));
            return (candidates, "acode's reading of the .gitignore files");
        }

        foreach (var path in listed)
        {
            var full = Path.Combine(root, path);
            if (Directory.Exists(full) && new DirectoryInfo(full).LinkTarget is null)
            {
                // A submodule or a nested repository: git lists only its folder, so acode reads its rules itself.
                var prefix = path.TrimEnd('/') + "/";
                candidates.AddRange(IgnoreFileWalker.Walk(full, useGitIgnore: true, enterIgnored: false).Select(c => (prefix + c.Path, c.Ignored)));
            }
            else
            {
                candidates.Add((path, false));
            }
        }

        if (includes.Count > 0)
        {
            // Only an include pattern can bring these back.
            var ignored = await GitFileLister.ListIgnoredAsync(root, cancellationToken).ConfigureAwait(false) ?? [];
            candidates.AddRange(ignored.Select(p => (p, true)));
        }

        return (candidates, "git ls-files");
    }

    private static WorkspaceEntry? Entry(string path, FileSystemInfo info)
    {
        if (!info.Exists && info.LinkTarget is null)
        {
            return null;
        }

        return info.LinkTarget is { } target ? new WorkspaceEntry(path, WorkspaceEntryKind.SymbolicLink, 0, target)
            : info is FileInfo file && !file.Attributes.HasFlag(FileAttributes.Directory) ? new WorkspaceEntry(path, WorkspaceEntryKind.File, file.Length)
            : null;
    }
}
