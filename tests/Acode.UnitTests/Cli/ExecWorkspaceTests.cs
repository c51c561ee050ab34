using Acode.Application.Compute;
using Acode.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace Acode.UnitTests.Cli;

/// <summary>acode exec's workspace flags: the listing, the secret notice, bad patterns and a workspace left empty.</summary>
public sealed class ExecWorkspaceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("acode-exec-ws-").FullName;

    public ExecWorkspaceTests()
    {
        Write("src/main.c", "int main(void) { return 0; }\n");
        Write("data/big.csv", new string('x', 2048));
        Write(".env", "TOKEN=x");
        Write(".gitignore", "*.o\n");
        Write("main.o", "obj");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task List_upload_prints_what_would_be_sent_and_prepares_nothing()
    {
        var target = new FakeComputeTarget();

        var (code, output, error) = await RunAsync(target, ["exec", "--list-upload", "--exclude", "*.csv"]);

        Assert.Equal(ExitCodes.Success, code);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([".gitignore", "src/main.c"], lines[..^1]);
        Assert.StartsWith("2 file(s), 33 B would be uploaded from " + _folder, lines[^1], StringComparison.Ordinal);
        Assert.Contains("not uploading 1 file(s) that look like secrets: .env (send one with --include PATTERN)", error, StringComparison.Ordinal);
        Assert.Empty(target.Calls);
    }

    [Fact]
    public async Task The_run_uploads_the_selected_set_and_an_include_brings_a_secret_back()
    {
        var target = new FakeComputeTarget();

        var (code, _, error) = await RunAsync(target, ["exec", "--mode", "burst", "--region", "us-east-1", "--include", ".env", "--", "make"]);

        Assert.Equal(0, code);
        Assert.Equal([".env", ".gitignore", "data/big.csv", "src/main.c"], target.Workspace!.FileSet!.Entries.Select(e => e.Path));
        Assert.DoesNotContain("look like secrets", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--exclude", "src/[main", "--exclude: pattern \"src/[main\" is malformed")]
    [InlineData("--include", "x\\", "--include: pattern \"x\\\" is malformed")]
    public async Task A_malformed_pattern_is_exit_2_naming_it(string flag, string pattern, string expected)
    {
        var target = new FakeComputeTarget();

        var (code, _, error) = await RunAsync(target, ["exec", "--mode", "burst", "--region", "us-east-1", flag, pattern, "--", "make"]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Empty(target.Calls);
    }

    [Fact]
    public async Task A_malformed_acodeignore_line_is_exit_2_naming_file_and_line()
    {
        Write(".acodeignore", "# generated\n*.tmp\nbuild/[x\n");
        var target = new FakeComputeTarget();

        var (code, _, error) = await RunAsync(target, ["exec", "--mode", "burst", "--region", "us-east-1", "--", "make"]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"{Path.Combine(_folder, ".acodeignore")}:3: pattern \"build/[x\" is malformed", error, StringComparison.Ordinal);
        Assert.Empty(target.Calls);
    }

    [Fact]
    public async Task A_workspace_the_rules_leave_empty_is_exit_2_before_anything_launches()
    {
        var target = new FakeComputeTarget();

        var (code, _, error) = await RunAsync(target, ["exec", "--mode", "burst", "--region", "us-east-1", "--exclude", "*", "--", "make"]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"--upload: {_folder} resolves to nothing to upload", error, StringComparison.Ordinal);
        Assert.Empty(target.Calls);
    }

    [Fact]
    public async Task The_config_file_s_workspace_patterns_apply_and_name_their_key_when_malformed()
    {
        Write(".acode/config.yml", "upload:\n  exclude:\n    - data/\n    - '*.c'\n  include:\n    - .env\n");
        var listed = await RunAsync(new FakeComputeTarget(), ["exec", "--list-upload"]);
        Write(".acode/config.yml", "upload:\n  exclude:\n    - ok\n    - 'bad['\n");
        var bad = await RunAsync(new FakeComputeTarget(), ["exec", "--list-upload"]);

        Assert.Equal(ExitCodes.Success, listed.ExitCode);
        Assert.Equal([".acode/config.yml", ".env", ".gitignore"], listed.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)[..^1]);
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.Contains($"{Path.Combine(_folder, ".acode", "config.yml")}: upload.exclude[1]: pattern \"bad[\" is malformed", bad.Error, StringComparison.Ordinal);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private Task<(int ExitCode, string Out, string Error)> RunAsync(FakeComputeTarget target, string[] args) =>
        InProcessCli.RunAsync(
            args,
            services: s => s.AddSingleton<IComputeTargetFactory>(sp =>
            {
                target.Events = sp.GetRequiredService<IEventPublisher>();
                return target.Factory();
            }),
            workingDirectory: _folder);
}
