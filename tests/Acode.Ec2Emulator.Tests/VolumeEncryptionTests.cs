using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.Ec2Emulator.Tests;

public sealed class VolumeEncryptionTests
{
    [Fact]
    public async Task An_encrypted_root_volume_reports_the_default_ebs_key_or_the_one_asked_for()
    {
        await using var h = await EmulatorHarness.StartAsync();
        const string key = "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        var byDefault = await h.RunAsync(r => r.BlockDeviceMappings = [Root(true, null)]);
        var chosen = await h.RunAsync(r => r.BlockDeviceMappings = [Root(true, key)]);
        var plain = await h.RunAsync(r => r.BlockDeviceMappings = [Root(false, null)]);

        var volumes = (await h.Ec2.DescribeVolumesAsync(new DescribeVolumesRequest())).Volumes
            .ToDictionary(v => v.Attachments.Single().InstanceId);

        Assert.True(volumes[byDefault.InstanceId].Encrypted);
        Assert.StartsWith("arn:aws:kms:us-east-1:000000000000:key/", volumes[byDefault.InstanceId].KmsKeyId, StringComparison.Ordinal);
        Assert.Equal((true, key, "gp3"), (volumes[chosen.InstanceId].Encrypted!.Value, volumes[chosen.InstanceId].KmsKeyId, volumes[chosen.InstanceId].VolumeType.Value));
        Assert.Equal((false, null), (volumes[plain.InstanceId].Encrypted!.Value, volumes[plain.InstanceId].KmsKeyId));
        Assert.Single((await h.Ec2.DescribeVolumesAsync(new DescribeVolumesRequest { Filters = [new Filter("encrypted", ["false"])] })).Volumes);
        await AssertEc2.FailsAsync("InvalidParameterDependency", () => h.RunAsync(r => r.BlockDeviceMappings = [Root(false, key)]));
    }

    private static BlockDeviceMapping Root(bool encrypted, string? kmsKeyId) => new()
    {
        DeviceName = "/dev/xvda",
        Ebs = new EbsBlockDevice { VolumeSize = 20, VolumeType = VolumeType.Gp3, DeleteOnTermination = true, Encrypted = encrypted, KmsKeyId = kmsKeyId },
    };
}
