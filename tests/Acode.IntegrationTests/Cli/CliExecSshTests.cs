using Acode.IntegrationTests.Fixtures;

namespace Acode.IntegrationTests.Cli;

/// <summary><c>acode exec --target ssh</c> as a separate process against a real sshd, configured by the file's <c>sshTarget:</c> block.</summary>
public sealed class CliExecSshTests : IClassFixture<SshServerFixture>
{
    private readonly SshServerFixture _fixture;

    public CliExecSshTests(SshServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Runs_on_the_ssh_target_in_local_only_mode_and_exits_with_the_remote_code()
    {
        using var cli = new CliProcess();
        cli.WriteConfig("mode: local-only\n" + SshTargetBlock());
        File.WriteAllText(Path.Combine(cli.WorkingDirectory, "marker.txt"), "uploaded");

        var result = await cli.RunAsync("exec", "--target", "ssh", "--", "sh", "-c", "'cat marker.txt; echo; echo hi; exit 3'");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal("uploaded\nhi\n", result.Out);
        Assert.Contains("remote command exited 3", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_sshTarget_block_exits_2_naming_the_field()
    {
        using var cli = new CliProcess();
        cli.WriteConfig("sshTarget:\n  host: 127.0.0.1\n  user: dev\n  privateKeyPath: /nowhere\n  port: nope\n");

        var result = await cli.RunAsync("exec", "--target", "ssh", "--", "true");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("sshTarget.port: must be a whole number", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploads_what_git_would_commit_without_secrets_and_says_what_it_left_out()
    {
        using var cli = new CliProcess();
        cli.WriteConfig(SshTargetBlock());
        await ProcessRunner.RunCheckedAsync("git", ["-C", cli.WorkingDirectory, "init", "-q"]);
        foreach (var (path, text) in new[] { (".gitignore", ".acode/\nbuild/\n"), ("src/a.c", "int a;"), ("build/out.bin", "built"), (".env", "TOKEN=x"), ("NOTES.md", "notes") })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(cli.WorkingDirectory, path))!);
            File.WriteAllText(Path.Combine(cli.WorkingDirectory, path), text);
        }

        var listed = await cli.RunAsync("exec", "--list-upload", "--exclude", "*.md");
        var result = await cli.RunAsync("exec", "--target", "ssh", "--exclude", "*.md", "--", "find", ".", "-type", "f", "|", "sort");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("./.gitignore\n./src/a.c\n", result.Out);
        Assert.Contains("not uploading 1 file(s) that look like secrets: .env", result.Error, StringComparison.Ordinal);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Equal(".gitignore\nsrc/a.c\n2 file(s), 21 B would be uploaded from " + cli.WorkingDirectory + " (selected by git ls-files)\n", listed.Out);
    }

    private string SshTargetBlock()
    {
        var server = _fixture.Server;
        return $"""
            sshTarget:
              host: {server.Host}
              port: {server.Port}
              user: {server.User}
              privateKeyPath: {server.ClientKeys.PrivateKeyPath}
              hostKeyFingerprint: {server.HostKeys.Fingerprint}

            """;
    }
}
