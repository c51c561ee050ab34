using Acode.Application.Compute.Workspace;
using Acode.IntegrationTests.Fixtures;
using Acode.Infrastructure.Compute.Workspace;

namespace Acode.IntegrationTests.Workspace;

/// <summary>acode's own evaluation of ignore rules (used where git is absent) gives git's answer.</summary>
public sealed class IgnoreRulesMatchGitTests : IDisposable
{
    // Each pattern alone in the root .gitignore; git check-ignore and acode must ignore the same files.
    private static readonly string[] Patterns =
    [
        "*.log", "/bin/", "bin/", "bin", "src/gen/*", "**/target/", "**/target", "target", "docs/**/*.txt", "docs/*.txt",
        "foo/**/bar.txt", "**/bar.txt", "*.tmp", "\\#hash.txt", "\\!bang.txt", "[x].txt", "[!a-w].txt", "build/", "build",
        "a/**", "**/c", "a.b", "*/c", "x/", "abc/d?f", "lib/nested", "/README.md", "README.md/", "*.[oc]", "sub/", "/*/Makefile",
        "**/", "**/*", "nested/*.o", "?akefile", "\\[x\\].txt", "a/**/x", "logs/*.log  ", "#notacomment",
        "x!y", "*!*", "[!!]bang.txt", "[[:punct:]]bang.txt", "\\a.b", "deep/**/*.md", "**/b/**", "deep/**/d.md", "*/*/c", "**a", "a**",
    ];

    private readonly GitCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public async Task Every_pattern_of_the_corpus_ignores_what_git_check_ignore_ignores()
    {
        await _corpus.InitAsync();
        var mismatches = new List<string>();
        foreach (var pattern in Patterns)
        {
            _corpus.Write(".gitignore", pattern + "\n");
            var git = await CheckIgnoreAsync(GitCorpus.Files);
            var rules = new IgnoreRuleSet();
            rules.Add(pattern, string.Empty, origin: null);
            var acode = GitCorpus.Files.Where(f => rules.IsIgnored(f, isDirectory: false)).ToHashSet(StringComparer.Ordinal);
            foreach (var file in GitCorpus.Files.Where(f => git.Contains(f) != acode.Contains(f)))
            {
                mismatches.Add($"pattern '{pattern}', path '{file}': git {(git.Contains(file) ? "ignores" : "keeps")}, acode {(acode.Contains(file) ? "ignores" : "keeps")}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task Nested_gitignores_negation_and_info_exclude_select_what_git_ls_files_lists()
    {
        await _corpus.InitAsync();
        _corpus.Write(".gitignore", "# build outputs\n*.log\n!logs/keep.log\nbin/\nsrc/gen/*\n!src/gen/keep.c\n**/target/\nnode_modules\ndocs/**/*.txt\n");
        _corpus.Write("lib/nested/.gitignore", "*.o\n!important.o\n/z.c\n");
        _corpus.Write(".git/info/exclude", "notes.txt\n");

        var set = await WorkspaceScanner.ScanAsync(_corpus.Root, new WorkspaceRules(), useGit: false, CancellationToken.None);
        var viaGit = await WorkspaceScanner.ScanAsync(_corpus.Root, new WorkspaceRules(), CancellationToken.None);

        var expected = await _corpus.GitListingAsync();
        Assert.Equal(expected, set.Entries.Select(e => e.Path));
        Assert.Equal(expected, viaGit.Entries.Select(e => e.Path));
        Assert.Equal(("acode's reading of the .gitignore files", "git ls-files"), (set.Source, viaGit.Source));
        Assert.Contains("lib/nested/deeper/z.c", expected); // the anchored /z.c of lib/nested stays in its folder
        Assert.Contains("logs/keep.log", expected);         // *.log matched it, the negation brought it back
    }

    private async Task<HashSet<string>> CheckIgnoreAsync(IEnumerable<string> paths)
    {
        var list = Path.Combine(Path.GetTempPath(), $"acode-paths-{Guid.NewGuid():N}");
        await File.WriteAllLinesAsync(list, paths);
        try
        {
            var (code, stdout, stderr) = await ProcessRunner.RunAsync("sh", ["-c", $"cd '{_corpus.Root}' && git check-ignore --no-index --stdin < '{list}'"]);
            Assert.True(code is 0 or 1, stderr); // 1: nothing ignored
            return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        }
        finally
        {
            File.Delete(list);
        }
    }
}
