using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ssh;
using Acode.Application.Configuration;
using Acode.Infrastructure.Configuration;

namespace Acode.UnitTests.Configuration;

/// <summary>The key declarations drive binding, writing, listing and the documentation's key tables.</summary>
public sealed class ConfigKeyTableTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Theory]
    [InlineData("docs/ec2-configuration.md", "ec2")]
    [InlineData("docs/cli.md", "ssh")]
    public void The_documented_key_table_is_the_declared_one(string page, string section)
    {
        var expected = section == "ec2" ? Ec2ConfigurationKeys.Table.MarkdownTable() : SshTargetKeys.Table.MarkdownTable();
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), page)).ReplaceLineEndings("\n");
        var header = expected[..expected.IndexOf('\n', StringComparison.Ordinal)];
        var starts = AllIndexesOf(text, header + "\n").ToList();

        Assert.True(
            starts.Any(start => text[start..].StartsWith(expected, StringComparison.Ordinal) && !text[(start + expected.Length)..].StartsWith('|')),
            $"{page}'s key table differs from the declarations; replace it with:\n{expected}");
    }

    [Fact]
    public void Every_key_differing_from_its_default_is_written_and_reads_back()
    {
        var original = new Ec2Configuration
        {
            Region = "eu-central-1",
            InstanceType = "c6i.large",
            InstanceTypes = ["c5.large"],
            AmiId = "ubuntu-24.04",
            VpcId = "vpc-12345678",
            SecurityGroupIds = ["sg-12345678"],
            KeyPairName = "mine",
            AutoKeyPair = false,
            PrivateKeyPath = "~/.ssh/mine.pem",
            InstanceProfileArn = "acode",
            SpotEnabled = true,
            SpotMaxPrice = 0.05m,
            SpotInstanceTypes = ["c5.large"],
            SpotFallbackToOnDemand = false,
            EbsSizeGb = 30,
            EbsVolumeType = "gp2",
            EbsKmsKeyId = "alias/acode",
            ImdsHopLimit = 2,
            Tags = new Dictionary<string, string> { ["yes"] = "no", ["n"] = "0.5", ["empty"] = "" },
            CreateTempSecurityGroup = true,
            SshSourceCidrs = ["203.0.113.7/32"],
            AssociatePublicIp = false,
            ElasticIp = "auto",
            UserData = "#!/bin/sh\n\necho 'a: b' \"#c\"\n",
            EndpointUrl = new Uri("http://127.0.0.9:4566/"),
            Profile = "dev",
            SshUser = "admin",
            SshPort = 2222,
            HostKeyVerification = Ec2HostKeyVerification.ConsoleOutput,
            PollInterval = TimeSpan.FromMilliseconds(500),
            ProvisionTimeout = TimeSpan.FromMinutes(7),
            SshReadyTimeout = TimeSpan.FromSeconds(90),
            SshRetryCount = 3,
            SshRetryInterval = TimeSpan.FromSeconds(2),
            DeadManSwitch = false,
            MaxLifetime = TimeSpan.FromDays(1),
            HeartbeatTimeout = TimeSpan.FromMinutes(20),
            CostAlertThreshold = 1.5m,
            SavingsPlan = new Ec2SavingsPlan { DiscountPercent = 28m, Regions = ["eu-central-1"] },
        };

        var yaml = Ec2ConfigurationYamlWriter.ToYaml(original);
        var reread = AcodeConfigLoader.Parse(yaml, NoEnvironment).Ec2Target!;

        // Every key but the ones left at their defaults on purpose (subnets/subnetId exclude each other; tenancy has one value).
        var written = Ec2ConfigurationKeys.Table.Keys.Select(k => k.Name).Where(k => yaml.Contains($"\n  {k}:", StringComparison.Ordinal));
        Assert.Equal(Ec2ConfigurationKeys.Table.Keys.Select(k => k.Name).Except(["subnets", "subnetId", "tenancy", "usePrivateIp"]), written);
        Assert.Equal(Ec2ConfigurationKeys.Table.ToPlain(original, onlyChanged: false), Ec2ConfigurationKeys.Table.ToPlain(reread, onlyChanged: false));
        Assert.Equal(original.UserData, reread.UserData);
        Assert.Equal(yaml, Ec2ConfigurationYamlWriter.ToYaml(reread));
        Assert.Contains("  spotMaxPrice: \"0.05\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  userData: |\n    #!/bin/sh\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_add_keeps_the_comments_and_other_sections_of_a_commented_file()
    {
        const string before = """
            # Project settings: keep these comments.
            mode: burst   # EC2 needs burst

            # The EC2 target, rewritten by acode target add ec2
            ec2Target:
              region: us-west-2
              # a comment inside the block goes with it
              instanceType: t3.micro

            # Our own build box
            sshTarget:
              host: build-box   # the lab machine
              user: dev
              privateKeyPath: ~/.ssh/id_ed25519
              trustOnFirstUse: true
            # trailing comment
            """;
        var file = AcodeConfigLoader.Parse(before, NoEnvironment);

        var after = Ec2ConfigurationYamlWriter.ReplaceSection(before, file.Ec2Target! with { InstanceType = "c5.large", Tags = new Dictionary<string, string> { ["team"] = "build" } });
        var reread = AcodeConfigLoader.Parse(after, NoEnvironment);

        Assert.Equal(
            before.Replace("  region: us-west-2\n  # a comment inside the block goes with it\n  instanceType: t3.micro\n", "  region: us-west-2\n  instanceType: c5.large\n  tags:\n    team: build\n", StringComparison.Ordinal) + "\n",
            after);
        Assert.Equal(("burst", "c5.large", "build"), (reread.Mode, reread.Ec2Target!.InstanceType, reread.Ec2Target.Tags["team"]));
        Assert.Equal(file.SshTarget, reread.SshTarget);
    }

    [Fact]
    public void Listing_shows_every_key_but_secrets_with_effective_values()
    {
        var listed = Ec2ConfigurationKeys.Table.ToPlain(new Ec2Configuration { Region = "us-east-1", UserData = "secret" }, onlyChanged: false);

        Assert.Equal(Ec2ConfigurationKeys.Table.Keys.Count - 1, listed.Count);
        Assert.DoesNotContain("userData", listed.Keys);
        Assert.Equal(("us-east-1", "t3.medium", 20, "8h", "pinned"), (listed["region"], listed["instanceType"], listed["ebsSizeGb"], listed["maxLifetime"], listed["hostKeyVerification"]));
        Assert.Null(listed["ami"]);
    }

    [Fact]
    public void A_nested_section_reports_its_own_unknown_and_missing_keys()
    {
        var error = Assert.Throws<Ec2ConfigurationException>(() => AcodeConfigLoader.Parse(
            "ec2Target:\n  region: us-east-1\n  savingsPlan:\n    discount: 20\n", NoEnvironment));

        Assert.Equal(
            ["ec2Target.savingsPlan.discount: is not a known key (line 4), got \"20\"", "ec2Target.savingsPlan.discountPercent: is required"],
            error.Errors);
    }

    private static IEnumerable<int> AllIndexesOf(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Acode.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (Acode.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
