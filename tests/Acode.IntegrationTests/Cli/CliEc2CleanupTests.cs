using System.Text.Json;
using Acode.Ec2Emulator;
using Acode.Ec2Emulator.Control;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Emulator = Acode.Ec2Emulator.Ec2Emulator;

namespace Acode.IntegrationTests.Cli;

/// <summary>
/// <c>acode target ec2 cleanup</c> and the tag guard of <c>stop|start|terminate</c>, as a separate acode process against
/// an emulator this test starts; the resources are made through the real AWS SDK, some with acode's tags and some without.
/// </summary>
public sealed class CliEc2CleanupTests
{
    private static readonly Dictionary<string, string> Credentials = new() { ["AWS_ACCESS_KEY_ID"] = "test", ["AWS_SECRET_ACCESS_KEY"] = "test" };

    private static readonly EmulatorOptions Options = new()
    {
        StartMachines = false,
        Settings = new EmulatorSettings { BootDelay = TimeSpan.Zero, SshDelay = TimeSpan.Zero, StopDelay = TimeSpan.Zero, TerminateDelay = TimeSpan.Zero },
    };

    [Fact]
    public async Task Key_pair_and_group_left_by_a_dead_session_are_listed_by_the_dry_run_then_removed_and_strangers_stay()
    {
        await using var emulator = await Emulator.StartAsync(Options);
        using var ec2 = Client(emulator, emulator.Region);
        using var cli = new CliProcess();

        // What the dead-man switch leaves: the session's instance terminated, its key pair and group still there.
        const string session = "0123456789abcdef";
        var key = await ImportKeyAsync(ec2, "acode-" + session, AcodeTags(session));
        var group = await CreateGroupAsync(ec2, "acode-" + session, AcodeTags(session));
        var instance = await EmulatorInstances.RunAsync(ec2, AcodeTags(session), key.KeyName, group);
        await ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instance] });

        // Strangers: no acode tag, even where the name looks like acode's.
        var foreignKeys = new[] { await ImportKeyAsync(ec2, "acode-fedcba9876543210", []), await ImportKeyAsync(ec2, "their-key", [new Tag("acode", "false")]) };
        var foreignGroups = new[] { await CreateGroupAsync(ec2, "acode-fedcba9876543210", []), await CreateGroupAsync(ec2, "their-group", []) };
        var foreignInstance = await EmulatorInstances.RunAsync(ec2, [], null, null);
        emulator.ClearActionLog();

        var dry = await cli.RunAsync(Args(emulator, "target", "ec2", "cleanup", "--output", "json"), Credentials);

        Assert.True(dry.ExitCode == 0, dry.ToString());
        var plan = dry.Json().RootElement;
        Assert.True(plan.GetProperty("dryRun").GetBoolean());
        var rows = Rows(plan);
        Assert.Equal("would-delete", rows[key.KeyPairId].Action);
        Assert.Equal("would-delete", rows[group].Action);
        Assert.Contains("its session's instances are gone", rows[key.KeyPairId].Reason, StringComparison.Ordinal);
        Assert.Equal("skipped", rows[foreignKeys[0].KeyPairId].Action);
        Assert.Contains("not tagged acode=true", rows[foreignKeys[0].KeyPairId].Reason, StringComparison.Ordinal);
        Assert.Equal("skipped", rows[foreignGroups[0]].Action);
        Assert.All(rows.Values, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason), $"{r.Id} has no reason"));
        Assert.DoesNotContain(rows.Values, r => r.Action is "terminated" or "deleted");
        Assert.Equal(2, plan.GetProperty("summary").GetProperty("would-delete").GetInt32());
        Assert.All(emulator.ActionLog.Where(e => e.Service == "ec2"), entry => Assert.StartsWith("Describe", entry.Action, StringComparison.Ordinal));
        Assert.Equal(3, (await KeyNamesAsync(ec2)).Count);

        var text = await cli.RunAsync(Args(emulator, "target", "ec2", "cleanup"), Credentials);
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("would delete", text.Out, StringComparison.Ordinal);
        Assert.Contains("Run again with --yes", text.Out, StringComparison.Ordinal);

        var removed = await cli.RunAsync(Args(emulator, "target", "ec2", "cleanup", "--yes", "--output", "json"), Credentials);

        Assert.True(removed.ExitCode == 0, removed.ToString());
        var done = Rows(removed.Json().RootElement);
        Assert.Equal("deleted", done[key.KeyPairId].Action);
        Assert.Equal("deleted", done[group].Action);
        Assert.Equal(["acode-fedcba9876543210", "their-key"], (await KeyNamesAsync(ec2)).Order(StringComparer.Ordinal));
        var groups = (await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest())).SecurityGroups.Select(g => g.GroupId).ToList();
        Assert.DoesNotContain(group, groups);
        Assert.All(foreignGroups, g => Assert.Contains(g, groups));
        Assert.Equal("running", await StateAsync(ec2, foreignInstance));

        var again = await cli.RunAsync(Args(emulator, "target", "ec2", "cleanup", "--yes"), Credentials);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Removed: 0 instance(s), 0 security group(s), 0 key pair(s)", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_regions_sweeps_every_enabled_region_and_skips_one_the_account_has_not_enabled()
    {
        await using var emulator = await Emulator.StartAsync(Options);
        using var cli = new CliProcess();
        string[] regions = ["us-east-1", "eu-central-1", "ap-south-1", "sa-east-1"];
        var ours = new Dictionary<string, string>();
        var theirs = new Dictionary<string, string>();
        foreach (var region in regions)
        {
            using var ec2 = Client(emulator, region);
            ours[region] = (await ImportKeyAsync(ec2, "acode-aaaaaaaaaaaaaaaa", AcodeTags("aaaaaaaaaaaaaaaa"))).KeyPairId;
            theirs[region] = (await ImportKeyAsync(ec2, "their-key", [])).KeyPairId;
        }

        // A region that refuses this account, as one not enabled does.
        emulator.InjectFault(new FaultRule { Region = "me-south-1", Code = FaultCodes.OptInRequired, Rate = 1 });

        var dry = await cli.RunAsync(Args(emulator, "target", "ec2", "cleanup", "--all-regions", "--older-than", "0s", "--output", "json"), Credentials);
        var result = await cli.RunAsync(Args(emulator, "target", "ec2", "cleanup", "--all-regions", "--older-than", "0s", "--yes", "--output", "json"), Credentials);

        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json().RootElement;
        var swept = json.GetProperty("regions").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.All(regions, r => Assert.Contains(r, swept));
        Assert.DoesNotContain("me-south-1", swept);
        var skipped = Assert.Single(json.GetProperty("skippedRegions").EnumerateArray());
        Assert.Equal("me-south-1", skipped.GetProperty("region").GetString());
        Assert.Contains("OptInRequired", skipped.GetProperty("note").GetString(), StringComparison.Ordinal);
        var planned = Rows(dry.Json().RootElement);
        var rows = Rows(json);
        foreach (var region in regions)
        {
            Assert.Equal("would-delete", planned[ours[region]].Action);
            Assert.Equal("deleted", rows[ours[region]].Action);
            Assert.Equal(region, rows[ours[region]].Region);
            using var ec2 = Client(emulator, region);
            Assert.Equal(["their-key"], await KeyNamesAsync(ec2));
        }

        Assert.DoesNotContain(theirs.Values, rows.ContainsKey);
    }

    [Fact]
    public async Task Instance_actions_refuse_an_instance_acode_did_not_tag_unless_forced_and_fail_for_an_unknown_id()
    {
        await using var emulator = await Emulator.StartAsync(Options);
        using var ec2 = Client(emulator, emulator.Region);
        using var cli = new CliProcess();
        var foreign = await EmulatorInstances.RunAsync(ec2, [], null, null);

        var refused = await cli.RunAsync(Args(emulator, "target", "ec2", "terminate", foreign), Credentials);
        var stateAfterRefusal = await StateAsync(ec2, foreign);
        var forced = await cli.RunAsync(Args(emulator, "target", "ec2", "terminate", foreign, "--force", "--output", "json"), Credentials);
        var missing = await cli.RunAsync(Args(emulator, "target", "ec2", "stop", "i-0123456789abcdef0"), Credentials);

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("not tagged acode=true", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal("running", stateAfterRefusal);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains(await StateAsync(ec2, foreign), new[] { "shutting-down", "terminated" });
        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.Contains("no instance i-0123456789abcdef0", missing.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("requested", missing.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cleanup_help_names_the_three_kinds_the_scope_and_the_dry_run()
    {
        using var cli = new CliProcess();

        var help = await cli.RunAsync("target", "ec2", "cleanup", "--help");

        Assert.True(help.ExitCode == 0, help.ToString());
        var text = System.Text.RegularExpressions.Regex.Replace(help.Out, @"\s+", " ");
        foreach (var expected in new[] { "instances tagged acode=true", "temporary security groups", "auto key pairs", "never touched", "--all-regions", "not enabled is skipped", "Without --yes nothing is changed" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    private sealed record Row(string Id, string Region, string Action, string Reason);

    private static Dictionary<string, Row> Rows(JsonElement json) => json.GetProperty("resources").EnumerateArray()
        .Select(r => new Row(r.GetProperty("id").GetString()!, r.GetProperty("region").GetString()!, r.GetProperty("action").GetString()!, r.GetProperty("reason").GetString() ?? string.Empty))
        .ToDictionary(r => r.Id);

    private static Tag[] AcodeTags(string session) => [new("acode", "true"), new("acode:session", session)];

    private static string[] Args(Emulator emulator, params string[] command) =>
        [.. command, "--mode", "burst", "--endpoint-url", emulator.ServiceUrl.ToString(), "--region", emulator.Region];

    private static AmazonEC2Client Client(Emulator emulator, string region) =>
        new(new BasicAWSCredentials("test", "test"), new AmazonEC2Config { ServiceURL = emulator.ServiceUrl.ToString(), AuthenticationRegion = region });

    private static async Task<KeyPairInfo> ImportKeyAsync(AmazonEC2Client ec2, string name, Tag[] tags)
    {
        var material = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(Acode.Infrastructure.Compute.Ec2.Keys.SshKeyPairGenerator.GenerateEd25519(name).PublicKeyLine));
        var response = await ec2.ImportKeyPairAsync(new ImportKeyPairRequest
        {
            KeyName = name,
            PublicKeyMaterial = material,
            TagSpecifications = tags.Length == 0 ? null : [new TagSpecification { ResourceType = ResourceType.KeyPair, Tags = [.. tags] }],
        });
        return new KeyPairInfo { KeyName = response.KeyName, KeyPairId = response.KeyPairId };
    }

    private static async Task<string> CreateGroupAsync(AmazonEC2Client ec2, string name, Tag[] tags) =>
        (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = name,
            Description = "cleanup test",
            TagSpecifications = tags.Length == 0 ? null : [new TagSpecification { ResourceType = ResourceType.SecurityGroup, Tags = [.. tags] }],
        })).GroupId;

    private static async Task<List<string>> KeyNamesAsync(AmazonEC2Client ec2) =>
        [.. ((await ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest())).KeyPairs ?? []).Select(k => k.KeyName)];

    private static async Task<string> StateAsync(AmazonEC2Client ec2, string instanceId) =>
        (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] })).Reservations[0].Instances[0].State.Name.Value;
}
