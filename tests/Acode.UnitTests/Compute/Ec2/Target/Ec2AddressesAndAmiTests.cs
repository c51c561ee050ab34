using Acode.Application.Compute.Ec2;
using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Ami;
using Acode.Infrastructure.Compute.Ec2.Network;

namespace Acode.UnitTests.Compute.Ec2.Target;

public sealed class Ec2AddressesAndAmiTests
{
    private static readonly Ec2Configuration Base = new() { Region = "us-east-1" };

    private static readonly Ec2InstanceInfo Instance = new()
    {
        InstanceId = "i-0123456789abcdef0", InstanceType = "t3.micro", Region = "us-east-1", State = Ec2InstanceState.Running,
        LaunchTime = DateTimeOffset.UnixEpoch, PublicIp = "203.0.113.7", PrivateIp = "10.0.0.7",
    };

    [Fact]
    public void Public_address_by_default_private_when_asked() =>
        Assert.Equal(("203.0.113.7", "10.0.0.7"), (Ec2Addresses.Select(Instance, Base), Ec2Addresses.Select(Instance, Base with { UsePrivateIp = true })));

    [Fact]
    public void No_address_yet_means_keep_waiting_unless_no_public_address_was_asked_for()
    {
        var noPublic = Instance with { PublicIp = null };

        Assert.Null(Ec2Addresses.Select(noPublic, Base));
        Assert.Equal("10.0.0.7", Ec2Addresses.Select(noPublic, Base with { AssociatePublicIp = false }));
        Assert.Null(Ec2Addresses.Select(noPublic, Base with { AssociatePublicIp = false, ElasticIp = "auto" }));
    }

    [Theory]
    [InlineData("ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server Canonical, Ubuntu, 22.04 LTS", "ubuntu")]
    [InlineData("debian-12-amd64-20250101 Debian 12", "admin")]
    [InlineData("amzn2-ami-kernel-5.10-hvm Amazon Linux 2", "ec2-user")]
    [InlineData("", "ec2-user")]
    public void Login_user_from_the_image_name(string text, string user) => Assert.Equal(user, Ec2AmiResolver.UserFromImageText(text));

    [Theory]
    [InlineData("t4g.micro", true)]
    [InlineData("c7gn.large", true)]
    [InlineData("m6gd.xlarge", true)]
    [InlineData("g4dn.xlarge", false)]
    [InlineData("t3.medium", false)]
    [InlineData("m5.large", false)]
    public void Graviton_types_get_the_arm64_image(string type, bool arm) => Assert.Equal(arm, Ec2AmiResolver.IsArm64(type));
}
