using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.Ec2Emulator.Tests;

public sealed class DocumentedErrorTests
{
    [Fact]
    public async Task Remaining_actions_refuse_bad_input_with_aws_codes()
    {
        await using var h = await EmulatorHarness.StartAsync(EmulatorHarness.Instant with { BootDelay = TimeSpan.FromMinutes(5) });
        var pending = (await h.RunAsync()).InstanceId;
        var spot = (await h.RunAsync(r => r.InstanceMarketOptions = new InstanceMarketOptionsRequest { MarketType = MarketType.Spot })).InstanceId;

        await AssertEc2.FailsAsync("InvalidParameterValue", () => h.Ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = pending, Attribute = "kernelFlavour" }));
        await AssertEc2.FailsAsync("InvalidVolume.NotFound", () => h.Ec2.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = ["vol-0123456789abcdef0"] }));
        await AssertEc2.FailsAsync("InvalidSpotInstanceRequestID.NotFound", () => h.Ec2.DescribeSpotInstanceRequestsAsync(new DescribeSpotInstanceRequestsRequest { SpotInstanceRequestIds = ["sir-12345678"] }));
        var eip = await h.Ec2.AllocateAddressAsync(new AllocateAddressRequest());
        await AssertEc2.FailsAsync("IncorrectInstanceState", () => h.Ec2.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = eip.AllocationId, InstanceId = pending }));
        await AssertEc2.FailsAsync("InvalidParameterValue", () => h.Ec2.DescribeInstanceTypeOfferingsAsync(new DescribeInstanceTypeOfferingsRequest { LocationType = "planet" }));
        await AssertEc2.FailsAsync("InvalidParameterValue", () => h.Ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest { ZoneNames = ["us-east-1z"] }));
        await AssertEc2.FailsAsync("InvalidVpcID.NotFound", () => h.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["vpc-0123456789abcdef0"] }));

        h.Emulator.Settings = EmulatorHarness.Instant;
        var running = (await h.RunAsync(r => r.InstanceMarketOptions = new InstanceMarketOptionsRequest { MarketType = MarketType.Spot })).InstanceId;
        await h.WaitAsync(running, i => i.State.Name == InstanceStateName.Running);
        await AssertEc2.FailsAsync("UnsupportedOperation", () => h.Ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [running] }));
        Assert.NotEqual(pending, spot);
    }

    [Fact]
    public async Task Launches_beyond_the_quota_get_InstanceLimitExceeded()
    {
        await using var emulator = await Ec2Emulator.StartAsync(new EmulatorOptions { StartMachines = false, InstanceQuota = 3, Settings = EmulatorHarness.Instant });
        await using var h = new EmulatorHarness(emulator);
        var partial = await h.Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = EmulatorHarness.AmazonLinux2, MinCount = 1, MaxCount = 5 });
        Assert.Equal(3, partial.Reservation.Instances.Count);
        await AssertEc2.FailsAsync("InstanceLimitExceeded", () => h.RunAsync());
    }
}
