namespace Acode.IntegrationTests.Cli;

/// <summary><c>target add|list|remove ec2</c> against a real config file; bad input leaves the file byte for byte as it was.</summary>
public sealed class CliTargetConfigurationTests
{
    private const string Existing = "# project settings\nmode: burst\nec2Target:\n  region: us-west-2\n  instanceType: t3.medium\nsshTarget:\n  host: build-box\n  user: dev\n  privateKeyPath: /k\n";

    [Fact]
    public async Task Add_then_list_shows_the_target_and_remove_removes_only_it()
    {
        using var cli = new CliProcess();
        cli.WriteConfig("# project settings\nmode: local-only\nsshTarget:\n  host: build-box\n  user: dev\n  privateKeyPath: /k\n");

        var add = await cli.RunAsync(
            "target", "add", "ec2", "--region", "us-west-2", "--instance-type", "c5.large", "--ami", "ami-0c55b159cbfafe1f0",
            "--security-group", "sg-12345678", "--security-group", "sg-87654321", "--ebs-size", "30", "--tag", "project=demo", "--spot");
        var list = await cli.RunAsync("target", "list");
        var listJson = await cli.RunAsync("target", "list", "--output", "json");
        var remove = await cli.RunAsync("target", "remove", "ec2");
        var afterRemove = await cli.RunAsync("target", "list", "--output", "json");

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Contains("mode: burst", add.Out, StringComparison.Ordinal);
        Assert.Contains("ec2     us-west-2  c5.large", list.Out, StringComparison.Ordinal);
        using (var json = listJson.Json())
        {
            var target = json.RootElement.GetProperty("targets")[0];
            Assert.Equal("ec2", target.GetProperty("type").GetString());
            Assert.Equal("c5.large", target.GetProperty("instanceType").GetString());
            Assert.Equal(30, target.GetProperty("ebsSizeGb").GetInt32());
            Assert.True(target.GetProperty("spotEnabled").GetBoolean());
            Assert.Equal(2, target.GetProperty("securityGroupIds").GetArrayLength());
            Assert.Equal("demo", target.GetProperty("tags").GetProperty("project").GetString());
            Assert.Equal("local-only", json.RootElement.GetProperty("mode").GetString());
        }

        Assert.True(remove.ExitCode == 0, remove.ToString());
        using (var json = afterRemove.Json())
        {
            Assert.Equal("ssh", Assert.Single(json.RootElement.GetProperty("targets").EnumerateArray()).GetProperty("type").GetString());
        }

        Assert.Equal("# project settings\nmode: local-only\nsshTarget:\n  host: build-box\n  user: dev\n  privateKeyPath: /k\n", File.ReadAllText(cli.ConfigPath));
    }

    [Fact]
    public async Task Add_updates_an_existing_block_keeping_values_not_given()
    {
        using var cli = new CliProcess();
        cli.WriteConfig(Existing);

        var add = await cli.RunAsync("target", "add", "ec2", "--ebs-size", "40");

        Assert.True(add.ExitCode == 0, add.ToString());
        var text = File.ReadAllText(cli.ConfigPath);
        Assert.Contains("  region: us-west-2\n  instanceType: t3.medium\n  ebsSizeGb: 40\n", text, StringComparison.Ordinal);
        Assert.StartsWith("# project settings\nmode: burst\n", text, StringComparison.Ordinal);
        Assert.EndsWith("sshTarget:\n  host: build-box\n  user: dev\n  privateKeyPath: /k\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ec2Target.ebsSizeGb", "--ebs-size", "3")]
    [InlineData("--ebs-size", "--ebs-size", "lots")]
    [InlineData("ec2Target.region", "--region", "mars-1")]
    [InlineData("ec2Target.ami", "--ami", "ami-xyz")]
    [InlineData("ec2Target.instanceType", "--instance-type", "t3.mediun")]
    [InlineData("--tag", "--tag", "novalue")]
    [InlineData("--user-data-file", "--user-data-file", "missing.sh")]
    public async Task Bad_flags_exit_2_naming_the_field_and_leave_the_file_unchanged(string named, string flag, string value)
    {
        using var cli = new CliProcess();
        cli.WriteConfig(Existing);

        var result = await cli.RunAsync("target", "add", "ec2", flag, value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(Existing, File.ReadAllText(cli.ConfigPath));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(cli.ConfigPath)!));
    }

    [Theory]
    [InlineData("target", "list")]
    [InlineData("target", "ec2", "cost")]
    [InlineData("target", "ec2", "list", "--mode", "burst")]
    [InlineData("target", "add", "ec2", "--ebs-size", "30")]
    public async Task Bad_config_exits_2_naming_the_field_and_the_file_is_unchanged(params string[] args)
    {
        const string bad = "mode: burst\nec2Target:\n  region: us-west-2\n  ebsSizeGb: -5\n  instanceTyp: t3.medium\n";
        using var cli = new CliProcess();
        cli.WriteConfig(bad);

        var result = await cli.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("ec2Target.ebsSizeGb", result.Error, StringComparison.Ordinal);
        Assert.Contains("instanceTyp", result.Error, StringComparison.Ordinal);
        Assert.Equal(bad, File.ReadAllText(cli.ConfigPath));
    }

    [Fact]
    public async Task Remove_takes_out_an_invalid_block_too()
    {
        using var cli = new CliProcess();
        cli.WriteConfig("mode: burst\nec2Target:\n  ebsSizeGb: -5\n");

        var remove = await cli.RunAsync("target", "remove", "ec2");
        var list = await cli.RunAsync("target", "list");

        Assert.True(remove.ExitCode == 0, remove.ToString());
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal("mode: burst\n", File.ReadAllText(cli.ConfigPath));
    }
}
