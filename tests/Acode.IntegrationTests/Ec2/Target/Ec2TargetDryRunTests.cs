using Acode.Infrastructure.Compute.Ec2.Diagnostics;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>Issue 13 item 2 in <c>target test --dry-run</c>: the launch's own request with DryRun, and whether SSH could get in.</summary>
public sealed class Ec2TargetDryRunTests(Ec2EmulatorFixture fixture) : IClassFixture<Ec2EmulatorFixture>
{
    [Fact]
    public async Task A_fresh_configuration_passes_and_says_what_the_launch_will_ask_for()
    {
        var checks = await new Ec2TargetDiagnostics(fixture.Dependencies()).RunAsync(fixture.Configuration() with { CreateTempSecurityGroup = null }, dryRun: true);

        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
        Assert.Contains("al2023", checks.Single(c => c.Name == "AMI").Detail, StringComparison.Ordinal);
        Assert.Contains("a temporary group opening port 22 to 127.0.0.1/32 only", checks.Single(c => c.Name.StartsWith("security groups", StringComparison.Ordinal)).Detail, StringComparison.Ordinal);
        Assert.Equal("IMDSv2 required (hop limit 1); root volume gp3 20 GiB encrypted with the account's default EBS key", checks.Single(c => c.Name == "launch settings").Detail);
        Assert.DoesNotContain(fixture.Emulator.ActionLog, e => e.Action == "RunInstances" && e.ErrorCode != "DryRunOperation");
    }

    [Fact]
    public async Task The_default_group_alone_fails_with_the_command_that_opens_ssh()
    {
        var checks = await new Ec2TargetDiagnostics(fixture.Dependencies()).RunAsync(fixture.Configuration() with { CreateTempSecurityGroup = false }, dryRun: true);

        var groups = checks.Single(c => c.Name.StartsWith("security groups", StringComparison.Ordinal));
        Assert.False(groups.Passed);
        Assert.Contains("(default) admits no SSH (port 22) from 127.0.0.1/32", groups.Detail, StringComparison.Ordinal);
        Assert.Contains("aws ec2 authorize-security-group-ingress --group-id sg-", groups.Detail, StringComparison.Ordinal);
        Assert.Contains("--port 22 --cidr 127.0.0.1/32", groups.Detail, StringComparison.Ordinal);
    }
}
