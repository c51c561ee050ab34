using Acode.Application.Compute;
using Acode.Infrastructure.Compute.Ec2;
using Amazon.EC2.Model;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>Issue 13 item 2: what a launch with no security settings asks for arrives in EC2 and is read back.</summary>
public sealed class Ec2SecureDefaultsTests(Ec2EmulatorFixture fixture) : IClassFixture<Ec2EmulatorFixture>
{
    [Fact]
    public async Task With_nothing_configured_the_instance_gets_a_temporary_group_imdsv2_hop_1_and_an_encrypted_gp3_root()
    {
        await using var target = new Ec2ComputeTargetFactory(fixture.Dependencies()).Create(fixture.Configuration() with { CreateTempSecurityGroup = null });
        await target.PrepareAsync(new WorkspaceContext());

        var instance = (await fixture.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [target.Instance!.InstanceId] })).Reservations[0].Instances[0];
        var group = Assert.Single(instance.SecurityGroups);
        var rules = (await fixture.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group.GroupId] })).SecurityGroups[0].IpPermissions;
        var volume = (await fixture.Ec2.DescribeVolumesAsync(new DescribeVolumesRequest { Filters = [new Filter("attachment.instance-id", [instance.InstanceId])] })).Volumes.Single();

        Assert.StartsWith("acode-", group.GroupName, StringComparison.Ordinal);
        Assert.Equal(("tcp", 22, 22, "127.0.0.1/32"), (rules[0].IpProtocol, rules[0].FromPort, rules[0].ToPort, Assert.Single(rules[0].Ipv4Ranges).CidrIp));
        Assert.Equal(("required", 1, "enabled"), (instance.MetadataOptions.HttpTokens.Value, instance.MetadataOptions.HttpPutResponseHopLimit, instance.MetadataOptions.HttpEndpoint.Value));
        Assert.Equal((true, "gp3"), (volume.Encrypted!.Value, volume.VolumeType.Value));
        Assert.StartsWith("arn:aws:kms:", volume.KmsKeyId, StringComparison.Ordinal);
        Assert.Equal("true", volume.Tags.Single(t => t.Key == "acode").Value);
        Assert.Equal(0, (await target.ExecuteAsync("true")).ExitCode);
        await target.TeardownAsync();
        await fixture.AssertNothingLeftAsync(target.SessionId);
    }

    [Fact]
    public async Task Hop_limit_and_kms_key_travel_as_configured()
    {
        const string key = "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        await using var target = new Ec2ComputeTargetFactory(fixture.Dependencies()).Create(fixture.Configuration() with { ImdsHopLimit = 2, EbsKmsKeyId = key });
        await target.PrepareAsync(new WorkspaceContext());

        var instance = (await fixture.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [target.Instance!.InstanceId] })).Reservations[0].Instances[0];
        var volume = (await fixture.Ec2.DescribeVolumesAsync(new DescribeVolumesRequest { Filters = [new Filter("attachment.instance-id", [instance.InstanceId])] })).Volumes.Single();

        Assert.Equal(2, instance.MetadataOptions.HttpPutResponseHopLimit);
        Assert.Equal(key, volume.KmsKeyId);
        await target.TeardownAsync();
    }
}
