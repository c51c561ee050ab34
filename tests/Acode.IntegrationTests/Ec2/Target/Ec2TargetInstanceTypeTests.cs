using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Domain.Compute;
using Acode.Infrastructure.Compute;
using Acode.Infrastructure.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Pricing;
using Amazon.EC2.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>The target checks instance types live before creating anything (FR-045/046); DI gives it the cost ledger.</summary>
public sealed class Ec2TargetInstanceTypeTests(Ec2EmulatorFixture fixture) : IClassFixture<Ec2EmulatorFixture>
{
    [Fact]
    public async Task A_type_not_offered_in_the_subnets_zone_fails_before_anything_is_created()
    {
        var subnet = (await fixture.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("availability-zone", ["us-east-1c"])] })).Subnets.Single();
        var target = new Ec2ComputeTargetFactory(fixture.Dependencies()).Create(fixture.Configuration() with { InstanceType = "g4dn.xlarge", SubnetId = subnet.SubnetId });
        fixture.Emulator.ClearActionLog();
        await using (target)
        {
            var error = await Assert.ThrowsAsync<Ec2ConfigurationException>(() => target.PrepareAsync(new WorkspaceContext()));
            Assert.Contains(error.Errors, e => e.StartsWith("ec2Target.instanceType: ", StringComparison.Ordinal) && e.Contains("us-east-1c", StringComparison.Ordinal));
            Assert.Equal(ComputeTargetState.Failed, target.State);
        }

        Assert.Contains(fixture.Emulator.ActionLog, e => e.Action == "DescribeInstanceTypeOfferings");
        Assert.DoesNotContain(fixture.Emulator.ActionLog, e => e.Action is "RunInstances" or "CreateSecurityGroup" or "ImportKeyPair");
    }

    [Fact]
    public async Task An_alternative_type_the_region_does_not_offer_is_named_before_anything_is_created()
    {
        var target = new Ec2ComputeTargetFactory(fixture.Dependencies()).Create(fixture.Configuration() with { InstanceTypes = ["t3.small", "x9z.large"] });
        fixture.Emulator.ClearActionLog();
        await using (target)
        {
            var error = await Assert.ThrowsAsync<Ec2ConfigurationException>(() => target.PrepareAsync(new WorkspaceContext()));
            Assert.Contains(error.Errors, e => e.StartsWith("ec2Target.instanceTypes[1]: unknown instance family", StringComparison.Ordinal));
            Assert.DoesNotContain(error.Errors, e => e.StartsWith("ec2Target.instanceTypes[0]", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(fixture.Emulator.ActionLog, e => e.Action is "RunInstances" or "CreateSecurityGroup" or "ImportKeyPair");
    }

    [Fact]
    public async Task Di_keeps_costs_in_the_ledger_file_unless_the_host_registers_its_own()
    {
        await using (var defaults = new ServiceCollection().AddAcodeCompute(o => o.ModeFlag = "burst").AddAcodeEc2Target().BuildServiceProvider())
        {
            var ledger = Assert.IsType<Ec2CostLedgerFile>(defaults.GetRequiredService<Ec2TargetDependencies>().CostLedger);
            Assert.Equal(Ec2CostLedgerFile.DefaultPath(), ledger.Path);
        }

        var own = new Ec2CostLedgerFile(Path.Combine(Path.GetTempPath(), "acode-ledger-" + Guid.NewGuid().ToString("N"), Ec2CostLedgerFile.FileName));
        await using var custom = new ServiceCollection().AddAcodeCompute(o => o.ModeFlag = "burst").AddSingleton<IEc2CostLedger>(own).AddAcodeEc2Target().BuildServiceProvider();
        Assert.Same(own, custom.GetRequiredService<Ec2TargetDependencies>().CostLedger);
        Assert.False(File.Exists(own.Path));
    }
}
