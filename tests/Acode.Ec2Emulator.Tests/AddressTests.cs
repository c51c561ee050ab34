using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.Ec2Emulator.Tests;

public sealed class AddressTests
{
    [Fact]
    public async Task An_elastic_ip_becomes_the_public_address_and_survives_stop_and_start()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = (await h.RunAsync()).InstanceId;
        await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Running);
        var eip = await h.Ec2.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc });
        Assert.StartsWith("127.", eip.PublicIp, StringComparison.Ordinal);

        var association = await h.Ec2.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = eip.AllocationId, InstanceId = id });
        Assert.Equal(eip.PublicIp, (await h.DescribeAsync(id)).PublicIpAddress);
        await h.Ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] });
        await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Stopped);
        await h.Ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [id] });
        var restarted = await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Running);
        Assert.Equal(eip.PublicIp, restarted.PublicIpAddress);

        var described = (await h.Ec2.DescribeAddressesAsync(new DescribeAddressesRequest { Filters = [new Filter("instance-id", [id])] })).Addresses.Single();
        Assert.Equal(association.AssociationId, described.AssociationId);
        await AssertEc2.FailsAsync("InvalidIPAddress.InUse", () => h.Ec2.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = eip.AllocationId }));

        await h.Ec2.DisassociateAddressAsync(new DisassociateAddressRequest { AssociationId = association.AssociationId });
        var moved = await h.DescribeAsync(id);
        Assert.NotEqual(eip.PublicIp, moved.PublicIpAddress);
        Assert.NotNull(moved.PublicIpAddress);
        await h.Ec2.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = eip.AllocationId });
        await AssertEc2.FailsAsync("InvalidAllocationID.NotFound", () => h.Ec2.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [eip.AllocationId] }));
        await AssertEc2.FailsAsync("InvalidAssociationID.NotFound", () => h.Ec2.DisassociateAddressAsync(new DisassociateAddressRequest { AssociationId = "eipassoc-0123456789abcdef0" }));
    }
}
