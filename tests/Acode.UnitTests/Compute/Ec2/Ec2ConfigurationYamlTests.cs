using Acode.Application.Compute.Ec2;
using Acode.Application.Configuration;
using Acode.Infrastructure.Configuration;

namespace Acode.UnitTests.Compute.Ec2;

/// <summary>UT-001: the spec's User Manual block binds exactly; a file's problems are all reported; environment and writing.</summary>
public sealed class Ec2ConfigurationYamlTests
{
    private const string UserManualBlock = """
        mode: burst
        ec2Target:
          region: us-west-2
          instanceType: t3.medium
          ami: ami-0c55b159cbfafe1f0  # Amazon Linux 2
          subnetId: subnet-12345678
          securityGroupIds:
            - sg-12345678
          keyPairName: acode-key
          instanceProfile: acode-instance-profile
          spotEnabled: false
          spotMaxPrice: "0.05"
          ebsSizeGb: 20
          tags:
            project: my-project
            environment: dev
        """;

    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public void The_user_manual_block_binds_every_key()
    {
        var file = AcodeConfigLoader.Parse(UserManualBlock, NoEnvironment);
        var c = Assert.IsType<Ec2Configuration>(file.Ec2Target);

        Assert.Equal("burst", file.Mode);
        Assert.Equal("us-west-2", c.Region);
        Assert.Equal("t3.medium", c.InstanceType);
        Assert.Equal("ami-0c55b159cbfafe1f0", c.AmiId);
        Assert.Equal("subnet-12345678", c.SubnetId);
        Assert.Equal(["sg-12345678"], c.SecurityGroupIds);
        Assert.Equal("acode-key", c.KeyPairName);
        Assert.False(c.UsesAutoKeyPair);
        Assert.Equal("acode-instance-profile", c.InstanceProfileArn);
        Assert.False(c.SpotEnabled);
        Assert.Equal(0.05m, c.SpotMaxPrice);
        Assert.Equal(20, c.EbsSizeGb);
        Assert.Equal("my-project", c.Tags["project"]);
        Assert.Equal("dev", c.Tags["environment"]);
        Assert.Equal(2, c.Tags.Count);
    }

    [Theory]
    [InlineData("spotMaxPrice: 0.05", 0.05)]
    [InlineData("spotMaxPrice: \"0.05\"", 0.05)]
    [InlineData("spotMaxPrice: '0.125'", 0.125)]
    public void Spot_max_price_is_a_string_or_a_number(string line, double expected)
    {
        var c = Parse($"ec2Target:\n  region: us-east-1\n  spotEnabled: true\n  {line}\n");

        Assert.Equal((decimal)expected, c.SpotMaxPrice);
    }

    [Fact]
    public void Durations_enums_and_added_keys_bind()
    {
        var c = Parse("""
            ec2Target:
              region: eu-west-1
              provisionTimeout: 10m
              sshReadyTimeout: 90s
              sshRetryInterval: 2.5s
              pollInterval: 500ms
              maxLifetime: 1h30m
              heartbeatTimeout: 5m
              hostKeyVerification: consoleOutput
              endpointUrl: http://127.0.0.5:4566
              elasticIp: auto
              createTempSecurityGroup: true
              sshSourceCidrs: [203.0.113.7/32]
              ebsVolumeType: gp2
              spotEnabled: true
              spotInstanceTypes: [c5.large, c6i.large]
              costAlertThreshold: 2.5
              savingsPlan:
                discountPercent: 28
                instanceFamilies: [m6i]
            """);

        Assert.Equal(TimeSpan.FromMinutes(10), c.ProvisionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(90), c.SshReadyTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2.5), c.SshRetryInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(500), c.PollInterval);
        Assert.Equal(TimeSpan.FromMinutes(90), c.MaxLifetime);
        Assert.Equal(Ec2HostKeyVerification.ConsoleOutput, c.HostKeyVerification);
        Assert.Equal(new Uri("http://127.0.0.5:4566"), c.EndpointUrl);
        Assert.Equal("auto", c.ElasticIp);
        Assert.Equal(["c5.large", "c6i.large"], c.SpotInstanceTypes);
        Assert.Equal(2.5m, c.CostAlertThreshold);
        Assert.Equal(28m, c.SavingsPlan!.DiscountPercent);
        Assert.Equal(["m6i"], c.SavingsPlan.InstanceFamilies);
    }

    [Fact]
    public void An_unknown_key_is_an_error_with_its_path_line_and_a_suggestion()
    {
        var error = Assert.Throws<Ec2ConfigurationException>(() => Parse("ec2Target:\n  region: us-east-1\n  instanceTyp: t3.micro\n"));

        Assert.Equal(["ec2Target.instanceTyp: is not a known key (did you mean instanceType?) (line 3), got \"t3.micro\""], error.Errors);
    }

    [Fact]
    public void A_file_with_many_problems_reports_all_of_them()
    {
        var error = Assert.Throws<Ec2ConfigurationException>(() => Parse("""
            ec2Target:
              region: us-east_1
              instanceType: t3medium
              ebsSizeGb: lots
              spotMaxPrice: cheap
              securityGroupIds: sg-12345678
              provisionTimeout: 5 minutes
              spotEnabeld: true
              tags:
                aws:owner: me
              sshPort: 0
            """));

        Assert.Equal(
            [
                "ec2Target.ebsSizeGb: must be a whole number (line 4), got \"lots\"",
                "ec2Target.spotMaxPrice: must be a decimal number like 0.05 (line 5), got \"cheap\"",
                "ec2Target.securityGroupIds: must be a list (line 6), got \"sg-12345678\"",
                "ec2Target.provisionTimeout: expected a duration like 90s, 15m, 2h or 1d (units ms, s, m, h, d; combined like 1h30m) (line 7), got \"5 minutes\"",
                "ec2Target.spotEnabeld: is not a known key (did you mean spotEnabled?) (line 8), got \"true\"",
                "ec2Target.region: must be a region code like us-west-2 (did you mean us-east-1?), got \"us-east_1\"",
                "ec2Target.instanceType: must be an instance type like t3.medium (family.size), got \"t3medium\"",
                "ec2Target.tags.aws:owner: tag keys starting with aws: are reserved by AWS, got \"aws:owner\"",
                "ec2Target.sshPort: must be between 1 and 65535, got 0",
            ],
            error.Errors);
    }

    [Fact]
    public void Region_comes_from_the_environment_only_when_the_file_has_none()
    {
        var env = new Dictionary<string, string?> { ["AWS_REGION"] = "eu-west-1", ["AWS_DEFAULT_REGION"] = "us-east-2" };

        Assert.Equal("eu-west-1", Parse("ec2Target:\n  instanceType: c5.large\n", env).Region);
        Assert.Equal("us-east-2", Parse("ec2Target:\n  instanceType: c5.large\n", new() { ["AWS_DEFAULT_REGION"] = "us-east-2" }).Region);
        Assert.Equal("us-west-2", Parse("ec2Target:\n  region: us-west-2\n", env).Region);
    }

    [Fact]
    public void Acode_variables_override_the_file()
    {
        var env = new Dictionary<string, string?>
        {
            [AcodeConfigLoader.RegionVariable] = "us-east-1",
            [AcodeConfigLoader.InstanceTypeVariable] = "c5.xlarge",
            [AcodeConfigLoader.ProfileVariable] = "dev",
        };

        var c = Parse("ec2Target:\n  region: us-west-2\n  instanceType: t3.micro\n", env);

        Assert.Equal(("us-east-1", "c5.xlarge", "dev"), (c.Region, c.InstanceType, c.Profile));
    }

    [Fact]
    public void A_malformed_endpoint_from_the_environment_is_reported_not_dropped()
    {
        var env = new Dictionary<string, string?> { [AcodeConfigLoader.EndpointUrlVariable] = "localhost:4566" };

        var error = Assert.Throws<Ec2ConfigurationException>(() => Parse("ec2Target:\n  region: us-east-1\n", env));

        Assert.Equal(["ec2Target.endpointUrl: must be an absolute http or https URL, got \"localhost:4566\""], error.Errors);
    }

    [Fact]
    public void A_missing_region_everywhere_is_reported()
    {
        var error = Assert.Throws<Ec2ConfigurationException>(() => Parse("ec2Target:\n  instanceType: t3.micro\n"));

        Assert.Equal(["ec2Target.region: is required: " + Ec2Regions.WhereToSetRegion + ", got \"\""], error.Errors);
    }

    [Fact]
    public void A_file_without_the_section_has_no_ec2_target()
    {
        var file = AcodeConfigLoader.Parse("mode: local-only\nsshTarget:\n  host: h\n  user: u\n  privateKeyPath: /k\n", NoEnvironment);

        Assert.Equal("local-only", file.Mode);
        Assert.Null(file.Ec2Target);
    }

    [Theory]
    [InlineData("ec2target:\n  region: us-east-1\n", "ec2target: is not a known key (did you mean ec2Target?) (line 1)")]
    [InlineData("mode: burst\nworkspace:\n  root: x\n", "workspace: is not a known key (line 2)")]
    [InlineData("mdoe: burst\n", "mdoe: is not a known key (did you mean mode?) (line 1)")]
    public void An_unknown_top_level_key_is_an_error_naming_it(string yaml, string expected)
    {
        var error = Assert.Throws<Ec2ConfigurationException>(() => AcodeConfigLoader.Parse(yaml, NoEnvironment));

        Assert.StartsWith(expected, Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_mode_lists_the_valid_ones()
    {
        var error = Assert.Throws<Ec2ConfigurationException>(() => AcodeConfigLoader.Parse("mode: warp\n", NoEnvironment));

        Assert.Equal(["mode: must be one of local-only, airgapped, burst (line 1), got \"warp\""], error.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    public void An_empty_file_holds_no_settings(string yaml)
    {
        var file = AcodeConfigLoader.Parse(yaml, NoEnvironment);

        Assert.Equal((null, null, null), (file.Mode, file.Ec2Target, file.SshTarget));
    }

    [Fact]
    public void A_bare_number_as_a_duration_asks_for_a_unit()
    {
        var error = Assert.Throws<Ec2ConfigurationException>(() => Parse("ec2Target:\n  region: us-east-1\n  maxLifetime: 2\n"));

        Assert.Equal(["ec2Target.maxLifetime: add a unit, e.g. 2s, 2m, 2h or 2d (line 3), got \"2\""], error.Errors);
    }

    [Fact]
    public void Broken_yaml_is_a_configuration_error_with_its_position()
    {
        var error = Assert.Throws<Ec2ConfigurationException>(() => AcodeConfigLoader.Parse("ec2Target:\n  region: [us-east-1\n", NoEnvironment));

        Assert.StartsWith("not valid YAML at line 3, column 1", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Written_configuration_reads_back_the_same()
    {
        var original = AcodeConfigLoader.Parse(UserManualBlock, NoEnvironment).Ec2Target! with
        {
            SpotEnabled = true,
            SpotInstanceTypes = ["c5.large"],
            ProvisionTimeout = TimeSpan.FromMinutes(7),
            HostKeyVerification = Ec2HostKeyVerification.Off,
            UserData = "#!/bin/sh\necho \"hi\"\n",
            EndpointUrl = new Uri("http://127.0.0.9:4566/"),
            InstanceProfileArn = "arn:aws:iam::123456789012:instance-profile/acode",
            CostAlertThreshold = 1.5m,
            Tags = new Dictionary<string, string> { ["project"] = "true", ["note"] = "a: b" },
        };

        var yaml = Ec2ConfigurationYamlWriter.ToYaml(original);
        var reread = Parse(yaml);

        Assert.Equal(yaml, Ec2ConfigurationYamlWriter.ToYaml(reread));
        Assert.Equal(original.UserData, reread.UserData);
        Assert.Equal("true", reread.Tags["project"]);
        Assert.Equal("a: b", reread.Tags["note"]);
        Assert.Contains("  spotMaxPrice: \"0.05\"\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("ebsSizeGb", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Updating_a_file_replaces_only_the_ec2_block()
    {
        const string existing = "# project settings\nmode: burst\n\nec2Target:\n  region: us-west-2\n  # old comment\n  instanceType: t3.micro\n\n# ssh below\nsshTarget:\n  host: build-box\n";
        var updated = Ec2ConfigurationYamlWriter.ReplaceSection(existing, new Ec2Configuration { Region = "eu-west-1", InstanceType = "c5.large" });

        Assert.Equal("# project settings\nmode: burst\n\nec2Target:\n  region: eu-west-1\n  instanceType: c5.large\n\n# ssh below\nsshTarget:\n  host: build-box\n", updated);
        Assert.Equal("mode: burst\n\nec2Target:\n  region: us-east-1\n  instanceType: t3.medium\n", Ec2ConfigurationYamlWriter.ReplaceSection("mode: burst\n", new Ec2Configuration { Region = "us-east-1" }));
    }

    [Fact]
    public void Update_file_creates_the_folder_and_file()
    {
        var dir = Path.Combine(Path.GetTempPath(), "acode-ec2-yaml-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(dir, ".acode", "config.yml");
            Ec2ConfigurationYamlWriter.UpdateFile(path, new Ec2Configuration { Region = "us-east-2" });

            Assert.Equal("us-east-2", AcodeConfigLoader.LoadFile(path, NoEnvironment).Ec2Target!.Region);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Ec2Configuration Parse(string yaml, Dictionary<string, string?>? env = null) =>
        AcodeConfigLoader.Parse(yaml, env ?? NoEnvironment).Ec2Target!;
}
