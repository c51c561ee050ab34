using Acode.IntegrationTests.Fixtures;

namespace Acode.IntegrationTests.Workspace;

/// <summary>A folder of awkward paths, made a git work tree, to compare acode's reading of ignore rules with git's.</summary>
internal sealed class GitCorpus : IDisposable
{
    public static readonly string[] Files =
    [
        "README.md", "build.log", "logs/a.log", "logs/keep.log", "bin/Debug/app.dll", "src/bin/x.dll", "src/main.c",
        "src/gen/out.c", "src/gen/keep.c", "docs/a.md", "docs/deep/b.md", "docs/deep/c.txt", "docs/c.txt",
        "node_modules/pkg/index.js", "a/b/c/target/x", "target", "foo/bar.txt", "foo/baz/bar.txt", "x/foo", "lib/foo.tmp",
        "lib/nested/y.o", "lib/nested/z.c", "lib/nested/deeper/z.c", "lib/nested/important.o", "#hash.txt", "!bang.txt",
        "x.txt", "[x].txt", "build", "out/build/o", "abc/def", "a.b/c", "notes.txt", "Makefile", "sub/Makefile", "x!y", "deep/a/b/c/d.md",
    ];

    public GitCorpus()
    {
        foreach (var file in Files)
        {
            var path = System.IO.Path.Combine(Root, file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file);
        }
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("acode-corpus-").FullName;

    public async Task InitAsync()
    {
        await ProcessRunner.RunCheckedAsync("git", ["-C", Root, "init", "-q"]);
    }

    public void Write(string relative, string text)
    {
        var path = System.IO.Path.Combine(Root, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>What git itself would send: tracked plus untracked files no rule ignores.</summary>
    public async Task<string[]> GitListingAsync()
    {
        var listed = await ProcessRunner.RunCheckedAsync("git", ["-C", Root, "ls-files", "-co", "--exclude-standard", "-z"]);
        return [.. listed.Split('\0', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
