namespace Acode.IntegrationTests.Cli;

/// <summary>
/// A config file acode cannot use is exit 2 naming the file and the key (or the line and column), through the real
/// process and before anything is sent anywhere; <c>target list</c> shows every configured target.
/// </summary>
public sealed class CliConfigFileTests
{
    [Theory]
    [InlineData("ec2target:\n  region: us-east-1\n", "ec2target: is not a known key (did you mean ec2Target?) (line 1)")]
    [InlineData("mode: burst\nworkspace:\n  root: x\n", "workspace: is not a known key (line 2)")]
    [InlineData("ec2Target:\n  region: us-east-1\n  instanceTyp: t3.micro\n", "ec2Target.instanceTyp: is not a known key (did you mean instanceType?)")]
    [InlineData("sshTarget:\n  hots: h\n  user: u\n  privateKeyPath: /k\n", "sshTarget.hots: is not a known key (did you mean host?)")]
    [InlineData("ec2Target:\n  region: us-east-1\n  savingsPlan:\n    discountPercnt: 20\n", "ec2Target.savingsPlan.discountPercnt: is not a known key (did you mean discountPercent?)")]
    [InlineData("mode: warp\n", "mode: must be one of local-only, airgapped, burst (line 1), got \"warp\"")]
    [InlineData("ec2Target:\n  region: us-east-1\n  maxLifetime: 2\n", "ec2Target.maxLifetime: add a unit, e.g. 2s, 2m, 2h or 2d (line 3)")]
    [InlineData("ec2Target:\n  region: us-east-1\n  heartbeatTimeout: 15 minutes\n", "ec2Target.heartbeatTimeout: expected a duration like 90s, 15m, 2h or 1d")]
    [InlineData("ec2Target:\n  region: [us-east-1\n", "not valid YAML at line 3, column 1")]
    [InlineData("ec2Target:\n  region: us-east-1\n region: us-west-2\n", "not valid YAML at line 3, column 2")]
    [InlineData("mode: burst\nmode: local-only\n", "not valid YAML at line 2, column 1: Duplicate key mode")]
    [InlineData("- ec2Target\n", "the top level must be a map of sections")]
    public async Task A_bad_config_file_is_exit_2_naming_the_file_and_the_key(string yaml, string expected)
    {
        using var cli = new CliProcess();
        cli.WriteConfig(yaml);

        foreach (var args in new[] { new[] { "target", "list" }, ["target", "ec2", "cost", "--hours", "1"] })
        {
            var result = await cli.RunAsync(args);

            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains($"{cli.ConfigPath}: {expected}", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_explicit_config_path_that_does_not_exist_is_exit_2_naming_it()
    {
        using var cli = new CliProcess();
        var missing = Path.Combine(cli.Root, "does", "not", "exist.yml");

        var list = await cli.RunAsync("target", "list", "--config", missing);
        var folder = await cli.RunAsync("target", "list", "--config", cli.Root);

        Assert.True(list.ExitCode == 2, list.ToString());
        Assert.Contains($"--config: no such file: {missing}", list.Error, StringComparison.Ordinal);
        Assert.True(folder.ExitCode == 2, folder.ToString());
        Assert.Contains($"--config: {cli.Root} is a folder", folder.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", list.Error + folder.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Target_add_creates_an_explicit_config_path()
    {
        using var cli = new CliProcess();
        var path = Path.Combine(cli.Root, "new", "acode.yml");

        var add = await cli.RunAsync("target", "add", "ec2", "--region", "eu-central-1", "--config", path);
        var list = await cli.RunAsync("target", "list", "--config", path, "--output", "json");

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Equal("ec2Target:\n  region: eu-central-1\n  instanceType: t3.medium\n", File.ReadAllText(path));
        using var json = list.Json();
        Assert.Equal("eu-central-1", json.RootElement.GetProperty("targets")[0].GetProperty("region").GetString());
    }

    [Fact]
    public async Task An_empty_config_file_holds_no_targets()
    {
        using var cli = new CliProcess();
        cli.WriteConfig("# nothing yet\n");

        var list = await cli.RunAsync("target", "list");

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains($"No targets configured in {cli.ConfigPath}.", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Target_list_shows_a_configured_ssh_target()
    {
        using var cli = new CliProcess();
        cli.WriteConfig("sshTarget:\n  host: build-box.example.com\n  port: 2222\n  user: dev\n  privateKeyPath: ~/.ssh/id_ed25519\n  hostKeyFingerprint: SHA256:abc\n");

        var text = await cli.RunAsync("target", "list");
        var json = await cli.RunAsync("target", "list", "--output", "json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("ssh     build-box.example.com  2222  dev   ~/.ssh/id_ed25519  SHA256:abc", text.Out, StringComparison.Ordinal);
        using var document = json.Json();
        var target = Assert.Single(document.RootElement.GetProperty("targets").EnumerateArray());
        Assert.Equal(("ssh", "build-box.example.com", 2222, "dev"), (target.GetProperty("type").GetString(), target.GetProperty("host").GetString(), target.GetProperty("port").GetInt32(), target.GetProperty("user").GetString()));
    }
}
