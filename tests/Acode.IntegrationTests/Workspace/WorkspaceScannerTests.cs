using Acode.Application.Compute;
using Acode.Application.Compute.Workspace;
using Acode.Infrastructure.Compute.Workspace;

namespace Acode.IntegrationTests.Workspace;

/// <summary>What acode's own rules add on top of the project's: .acodeignore, patterns, secrets, includes, links.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class WorkspaceScannerTests : IDisposable
{
    private readonly GitCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Secrets_and_dot_git_stay_home_unless_included(bool useGit)
    {
        await _corpus.InitAsync();
        foreach (var secret in new[] { ".env", ".env.local", "config/server.pem", "keys/id_ed25519", "tls.key", "aws/credentials" })
        {
            _corpus.Write(secret, "secret");
        }

        var plain = await WorkspaceScanner.ScanAsync(_corpus.Root, new WorkspaceRules(), useGit, CancellationToken.None);
        var included = await WorkspaceScanner.ScanAsync(_corpus.Root, new WorkspaceRules { Includes = [new(".env", "--include"), new(".git", "--include")] }, useGit, CancellationToken.None);

        Assert.Equal([".env", ".env.local", "aws/credentials", "config/server.pem", "keys/id_ed25519", "tls.key"], plain.SecretsLeftOut.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(plain.Entries, e => e.Path.StartsWith(".git/", StringComparison.Ordinal) || e.Path.Contains(".env", StringComparison.Ordinal));
        Assert.Contains(included.Entries, e => e.Path == ".env");
        Assert.Contains(included.Entries, e => e.Path == ".git/HEAD");
        Assert.DoesNotContain(".env", included.SecretsLeftOut);
        Assert.Contains(".env.local", included.SecretsLeftOut);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Acodeignore_and_excludes_leave_out_and_includes_bring_back(bool useGit)
    {
        await _corpus.InitAsync();
        _corpus.Write(".gitignore", "*.log\n");
        _corpus.Write(".acodeignore", "docs/\n# the Makefile at the top stays\nsub/Makefile\n");

        var rules = new WorkspaceRules { Excludes = [new("*.md", "--exclude")], Includes = [new("logs/a.log", "--include")] };
        var set = await WorkspaceScanner.ScanAsync(_corpus.Root, rules, useGit, CancellationToken.None);
        var paths = set.Entries.Select(e => e.Path).ToList();

        Assert.DoesNotContain(paths, p => p.StartsWith("docs/", StringComparison.Ordinal) || p.EndsWith(".md", StringComparison.Ordinal) || p == "sub/Makefile" || p == "build.log");
        Assert.Contains("logs/a.log", paths);
        Assert.Contains("Makefile", paths);
        Assert.Contains(".acodeignore", paths);
        Assert.Equal(set.Entries.Sum(e => e.Length), set.TotalBytes);
    }

    [Fact]
    public async Task A_malformed_pattern_names_the_file_line_and_pattern()
    {
        var fromFlag = await Assert.ThrowsAsync<InvalidConfigurationException>(() => WorkspaceScanner.ScanAsync(_corpus.Root, new WorkspaceRules { Excludes = [new("trailing\\", "--exclude")] }));
        _corpus.Write(".acodeignore", "*.o\n\nbuild/[abc\n");
        var fromFile = await Assert.ThrowsAsync<InvalidConfigurationException>(() => WorkspaceScanner.ScanAsync(_corpus.Root, new WorkspaceRules()));

        Assert.Contains($"{Path.Combine(_corpus.Root, ".acodeignore")}:3: pattern \"build/[abc\"", fromFile.Message, StringComparison.Ordinal);
        Assert.Contains("--exclude: pattern \"trailing\\\"", fromFlag.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Links_are_listed_as_links_never_followed(bool useGit)
    {
        await _corpus.InitAsync();
        var outside = Directory.CreateTempSubdirectory("acode-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "private.txt"), "not part of the workspace");
            Directory.CreateSymbolicLink(Path.Combine(_corpus.Root, "elsewhere"), outside);
            File.CreateSymbolicLink(Path.Combine(_corpus.Root, "readme-link"), "README.md");

            var set = await WorkspaceScanner.ScanAsync(_corpus.Root, new WorkspaceRules(), useGit, CancellationToken.None);

            Assert.Contains(new WorkspaceEntry("elsewhere", WorkspaceEntryKind.SymbolicLink, 0, outside), set.Entries);
            Assert.Contains(new WorkspaceEntry("readme-link", WorkspaceEntryKind.SymbolicLink, 0, "README.md"), set.Entries);
            Assert.DoesNotContain(set.Entries, e => e.Path.StartsWith("elsewhere/", StringComparison.Ordinal));
            Assert.DoesNotContain(WorkspaceScanner.Everything(_corpus.Root).Entries, e => e.Path.StartsWith("elsewhere/", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }
}
