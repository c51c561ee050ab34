using Acode.Application.Compute;
using Acode.Domain.Compute;
using Acode.Infrastructure.Compute.Ec2;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>
/// FR-029: SSH reaches the instance on its Elastic IP; an address acode allocated (<c>elasticIp: auto</c>) is released at
/// teardown, one the user named (<c>eipalloc-...</c>) stays allocated. The association lands during the emulator's SSH
/// delay, so sshd must come up on the Elastic IP.
/// </summary>
public sealed class Ec2TargetElasticIpTests(Ec2EmulatorFixture fixture) : IClassFixture<Ec2EmulatorFixture>
{
    [Fact]
    public async Task Elastic_ip_auto_is_allocated_for_the_run_used_for_ssh_and_released_at_teardown()
    {
        var target = new Ec2ComputeTargetFactory(fixture.Dependencies()).Create(fixture.Configuration() with { ElasticIp = "auto" });
        await using (target)
        {
            await target.PrepareAsync(new WorkspaceContext());
            var address = Assert.Single(await SessionAddressesAsync(target.SessionId));
            Assert.Equal((address.PublicIp, address.AllocationId), (target.Host, target.Instance!.ElasticIpAllocationId));
            Assert.Equal(target.Instance.InstanceId, address.InstanceId);
            Assert.Equal(0, (await target.ExecuteAsync("true")).ExitCode);

            await target.TeardownAsync();
            Assert.Equal(ComputeTargetState.Terminated, target.State);
        }

        Assert.Empty(await SessionAddressesAsync(target.SessionId));
        await fixture.AssertNothingLeftAsync(target.SessionId);
    }

    [Fact]
    public async Task A_named_elastic_ip_is_associated_used_for_ssh_and_kept_allocated()
    {
        var eip = await fixture.Ec2.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc });
        try
        {
            var target = new Ec2ComputeTargetFactory(fixture.Dependencies()).Create(fixture.Configuration() with { ElasticIp = eip.AllocationId });
            await using (target)
            {
                await target.PrepareAsync(new WorkspaceContext());
                Assert.Equal(eip.PublicIp, target.Host);
                Assert.Equal(0, (await target.ExecuteAsync("true")).ExitCode);
                await target.TeardownAsync();
            }

            var kept = (await fixture.Ec2.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [eip.AllocationId] })).Addresses.Single();
            Assert.Equal(eip.PublicIp, kept.PublicIp);
            Assert.True(string.IsNullOrEmpty(kept.InstanceId));
            await fixture.AssertNothingLeftAsync(target.SessionId);
        }
        finally
        {
            await fixture.Ec2.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = eip.AllocationId });
        }
    }

    private async Task<List<Address>> SessionAddressesAsync(string sessionId) =>
        (await fixture.Ec2.DescribeAddressesAsync(new DescribeAddressesRequest { Filters = [new Filter("tag:acode:session", [sessionId])] })).Addresses ?? [];
}
