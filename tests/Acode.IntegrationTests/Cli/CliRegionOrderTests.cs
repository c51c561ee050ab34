using Acode.Ec2Emulator;
using Acode.Infrastructure.Configuration;

namespace Acode.IntegrationTests.Cli;

/// <summary>
/// The region order, rung by rung, through the real CLI process with environment variables and a temporary
/// AWS_CONFIG_FILE: --region &gt; ACODE_EC2_REGION &gt; ec2Target.region &gt; AWS_REGION &gt; AWS_DEFAULT_REGION &gt; the
/// selected profile's region &gt; an error naming them all. <c>target add ec2</c> writes the region it used.
/// </summary>
public sealed class CliRegionOrderTests
{
    private const string ProfileConfig = "[default]\nregion = ca-central-1\n\n[profile dev]\nregion = eu-north-1\n\n[profile ops]\nregion = ap-northeast-2\n";

    public static TheoryData<string, string[], string[], string> Rungs => new()
    {
        { "--region wins over everything", ["--region", "us-west-2", "--profile", "dev"], ["ACODE_EC2_REGION=eu-west-2", "AWS_REGION=ap-south-1", "AWS_DEFAULT_REGION=sa-east-1"], "us-west-2" },
        { "ACODE_EC2_REGION wins over the file and AWS_REGION", [], ["ACODE_EC2_REGION=eu-west-2", "AWS_REGION=ap-south-1", "FILE=eu-central-1"], "eu-west-2" },
        { "the file wins over AWS_REGION", [], ["AWS_REGION=ap-south-1", "AWS_DEFAULT_REGION=sa-east-1", "FILE=eu-central-1"], "eu-central-1" },
        { "AWS_REGION wins over AWS_DEFAULT_REGION and the profile", [], ["AWS_REGION=ap-south-1", "AWS_DEFAULT_REGION=sa-east-1", "AWS_PROFILE=dev"], "ap-south-1" },
        { "AWS_DEFAULT_REGION wins over the profile", [], ["AWS_DEFAULT_REGION=sa-east-1", "AWS_PROFILE=dev"], "sa-east-1" },
        { "the AWS_PROFILE profile's region", [], ["AWS_PROFILE=dev"], "eu-north-1" },
        { "the --profile profile's region wins over AWS_PROFILE's", ["--profile", "ops"], ["AWS_PROFILE=dev"], "ap-northeast-2" },
        { "the default profile's region", [], [], "ca-central-1" },
    };

    [Theory]
    [MemberData(nameof(Rungs))]
    public async Task Target_add_writes_the_region_of_the_winning_rung(string rung, string[] flags, string[] settings, string expected)
    {
        using var cli = new CliProcess();
        var environment = Environment(cli, settings, ProfileConfig);
        if (settings.FirstOrDefault(s => s.StartsWith("FILE=", StringComparison.Ordinal)) is { } file)
        {
            cli.WriteConfig($"ec2Target:\n  region: {file[5..]}\n  instanceType: t3.micro\n");
        }

        var result = await cli.RunAsync(["target", "add", "ec2", .. flags], environment);

        Assert.True(result.ExitCode == 0, rung + ": " + result);
        var written = AcodeConfigLoader.LoadFile(cli.ConfigPath, new Dictionary<string, string?>()).Ec2Target!;
        Assert.Equal(expected, written.Region);
    }

    [Fact]
    public async Task No_region_anywhere_is_exit_2_naming_every_place_to_set_one()
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync(["target", "add", "ec2"], Environment(cli, [], "[profile other]\nregion = eu-west-1\n"));

        Assert.True(result.ExitCode == 2, result.ToString());
        foreach (var place in new[] { "--region", "ACODE_EC2_REGION", "ec2Target.region", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "--profile", "AWS_CONFIG_FILE" })
        {
            Assert.Contains(place, result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_flag_fills_a_config_file_without_region_and_the_command_reaches_that_region()
    {
        await using var emulator = await Ec2Emulator.Ec2Emulator.StartAsync(new EmulatorOptions { StartMachines = false });
        using var cli = new CliProcess();
        var config = Path.Combine(cli.WorkingDirectory, "c.yml");
        await File.WriteAllTextAsync(config, "ec2Target:\n  instanceType: t3.micro\n");

        var result = await cli.RunAsync(
            ["target", "ec2", "list", "--region", "us-west-2", "--config", config, "--mode", "burst", "--endpoint-url", emulator.ServiceUrl.ToString()],
            new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "test", ["AWS_SECRET_ACCESS_KEY"] = "test" });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(emulator.ActionLog, e => e.Action == "DescribeInstances");
    }

    [Fact]
    public async Task An_unlisted_well_formed_region_is_used_with_a_warning()
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync(["exec", "--emulator", "--region", "ap-southeast-9", "--", "true"], new Dictionary<string, string>());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning: region ap-southeast-9 is not in acode's list", result.Error, StringComparison.Ordinal);
        Assert.Contains("launched i-", result.Error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Environment(CliProcess cli, string[] settings, string awsConfig)
    {
        var configFile = Path.Combine(cli.Root, "aws-config");
        File.WriteAllText(configFile, awsConfig);
        var environment = new Dictionary<string, string>
        {
            ["AWS_CONFIG_FILE"] = configFile,
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(cli.Root, "aws-credentials-absent"),
        };
        foreach (var setting in settings.Where(s => !s.StartsWith("FILE=", StringComparison.Ordinal)))
        {
            environment[setting[..setting.IndexOf('=')]] = setting[(setting.IndexOf('=') + 1)..];
        }

        return environment;
    }
}
