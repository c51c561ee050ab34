using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.Ec2Emulator.Tests;

public sealed class DryRunTests
{
    [Fact]
    public async Task DryRun_validates_first_then_answers_DryRunOperation_without_changing_anything()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await AssertEc2.FailsAsync("DryRunOperation", () => h.Ec2.RunInstancesAsync(
            new RunInstancesRequest { ImageId = EmulatorHarness.AmazonLinux2, MinCount = 1, MaxCount = 1, DryRun = true }), HttpStatusCode.PreconditionFailed);
        await AssertEc2.FailsAsync("InvalidAMIID.NotFound", () => h.Ec2.RunInstancesAsync(
            new RunInstancesRequest { ImageId = "ami-0123456789abcdef0", MinCount = 1, MaxCount = 1, DryRun = true }));
        await AssertEc2.FailsAsync("DryRunOperation", () => h.Ec2.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = "k", DryRun = true }));
        await AssertEc2.FailsAsync("DryRunOperation", () => h.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "g", Description = "d", DryRun = true }));
        await AssertEc2.FailsAsync("DryRunOperation", () => h.Ec2.AllocateAddressAsync(new AllocateAddressRequest { DryRun = true }));
        await AssertEc2.FailsAsync("DryRunOperation", () => h.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { DryRun = true }));

        Assert.Null((await h.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations is { Count: > 0 } ? "instances" : null);
        Assert.Empty((await h.Ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest())).KeyPairs ?? []);
        Assert.Single((await h.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest())).SecurityGroups);
        Assert.Empty((await h.Ec2.DescribeAddressesAsync(new DescribeAddressesRequest())).Addresses ?? []);

        var id = (await h.RunAsync()).InstanceId;
        await AssertEc2.FailsAsync("DryRunOperation", () => h.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id], DryRun = true }));
        Assert.NotEqual(InstanceStateName.ShuttingDown, (await h.DescribeAsync(id)).State.Name);
    }
}
