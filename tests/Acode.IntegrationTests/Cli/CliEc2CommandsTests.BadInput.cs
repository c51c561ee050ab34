using System.Net.Http.Json;
using Acode.Ec2Emulator;
using Amazon.EC2.Model;
using Emulator = Acode.Ec2Emulator.Ec2Emulator;

namespace Acode.IntegrationTests.Cli;

/// <summary>Issue 13 "Bad input and faults" through the real acode process: each stops before anything is left running, with its exit code.</summary>
public sealed partial class CliEc2CommandsTests
{
    private static readonly string[] Creating = ["RunInstances", "CreateFleet", "CreateSecurityGroup", "ImportKeyPair"];

    [Fact]
    public async Task Without_a_default_vpc_target_test_and_exec_stop_before_launching_and_say_how_to_fix_it()
    {
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions { StartMachines = false });
        using (var control = new HttpClient { BaseAddress = new Uri(emulator.ServiceUrl, "_emulator/") })
        {
            (await control.PostAsJsonAsync("settings", new { defaultVpc = false })).EnsureSuccessStatusCode();
        }

        using var cli = new CliProcess();

        var test = await cli.RunAsync(Args(emulator, "target", "test", "ec2", "--dry-run", "--output", "json"), Credentials);
        var exec = await cli.RunAsync([.. Args(emulator, "exec"), "--", "true"], Credentials);

        Assert.True(test.ExitCode == 1, test.ToString());
        var subnet = test.Json().RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "subnet");
        Assert.False(subnet.GetProperty("passed").GetBoolean());
        Assert.Contains("aws ec2 create-default-vpc", test.Out, StringComparison.Ordinal);
        Assert.Contains("subnetId", test.Out, StringComparison.Ordinal);
        Assert.True(exec.ExitCode == 2, exec.ToString());
        Assert.Contains("ec2Target.subnetId: us-east-1 has no default VPC", exec.Error, StringComparison.Ordinal);
        Assert.Contains("'aws ec2 create-default-vpc --region us-east-1', or set subnetId", exec.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.ActionLog, e => Creating.Contains(e.Action) && string.IsNullOrEmpty(e.ErrorCode));
    }

    [Fact]
    public async Task An_alias_its_publisher_does_not_publish_in_the_region_exits_2_naming_both()
    {
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions { StartMachines = false });
        emulator.UnpublishParameter("us-east-1", "/aws/service/debian/release/12/latest/amd64");
        using var cli = new CliProcess();
        cli.WriteConfig("ec2Target:\n  ami: debian-12\n");

        var exec = await cli.RunAsync([.. Args(emulator, "exec"), "--", "true"], Credentials);

        Assert.True(exec.ExitCode == 2, exec.ToString());
        Assert.Contains("ec2Target.ami: no debian-12 image is published in us-east-1", exec.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.ActionLog, e => Creating.Contains(e.Action));
    }

    [Fact]
    public async Task An_alternative_type_offered_nowhere_in_the_region_exits_2_naming_it()
    {
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions { StartMachines = false });
        using var cli = new CliProcess();
        cli.WriteConfig("ec2Target:\n  instanceTypes: [t3.small, x2idn.16xlarge]\n");

        var exec = await cli.RunAsync([.. Args(emulator, "exec"), "--", "true"], Credentials);

        Assert.True(exec.ExitCode == 2, exec.ToString());
        Assert.Contains("ec2Target.instanceTypes[1]: x2idn.16xlarge is not offered in us-east-1", exec.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("instanceTypes[0]", exec.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.ActionLog, e => Creating.Contains(e.Action));
    }

    [Fact]
    public async Task Every_attempt_refused_exits_5_listing_each_type_zone_and_code_and_leaves_nothing()
    {
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions { StartMachines = false });
        using (var control = new HttpClient { BaseAddress = new Uri(emulator.ServiceUrl, "_emulator/") })
        {
            (await control.PostAsJsonAsync("faults", new { action = "RunInstances", code = "InsufficientInstanceCapacity", rate = 1 })).EnsureSuccessStatusCode();
        }

        using var ec2 = Client(emulator);
        using var cli = new CliProcess();
        cli.WriteConfig("ec2Target:\n  instanceType: t3.micro\n  instanceTypes: [t3.small]\n");

        var exec = await cli.RunAsync([.. Args(emulator, "exec"), "--", "true"], Credentials);

        Assert.True(exec.ExitCode == 5, exec.ToString());
        var summary = exec.Error.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("acode: RunInstances failed with InsufficientInstanceCapacity", summary, StringComparison.Ordinal);
        foreach (var type in new[] { "t3.micro", "t3.small" })
        {
            foreach (var zone in new[] { "us-east-1a", "us-east-1b", "us-east-1c" })
            {
                Assert.Contains($"on-demand {type} in {zone}: InsufficientInstanceCapacity", summary, StringComparison.Ordinal);
            }
        }

        Assert.Empty((await ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations ?? []);
        Assert.Empty((await ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest())).KeyPairs ?? []);
        Assert.Equal(["default"], (await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest())).SecurityGroups.Select(g => g.GroupName));
    }
}
