using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ssh;
using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Network;
using Acode.Infrastructure.Compute.Ec2.Provisioning;

namespace Acode.UnitTests.Compute.Ec2.Infrastructure;

/// <summary>The one place that says how sshd is reached: the address by configuration and the SSH settings both probes and session use.</summary>
public sealed class Ec2SshEndpointTests
{
    private static readonly Ec2InstanceInfo Instance = new()
    {
        InstanceId = "i-0123456789abcdef0", InstanceType = "t3.micro", Region = "us-east-1", State = Ec2InstanceState.Running,
        LaunchTime = DateTimeOffset.UnixEpoch, PublicIp = "203.0.113.7", PrivateIp = "172.31.0.10",
    };

    [Fact]
    public void The_address_follows_the_configuration_and_waits_for_a_public_one()
    {
        var configuration = new Ec2Configuration { Region = "us-east-1", SshPort = 2222 };

        Assert.Equal(new Ec2SshEndpoint("203.0.113.7", 2222), Ec2SshEndpoint.For(Instance, configuration));
        Assert.Equal(new Ec2SshEndpoint("172.31.0.10", 2222), Ec2SshEndpoint.For(Instance, configuration with { UsePrivateIp = true }));
        Assert.Null(Ec2SshEndpoint.For(Instance with { PublicIp = null }, configuration));
        Assert.Equal("172.31.0.10", Ec2SshEndpoint.For(Instance with { PublicIp = null }, configuration with { AssociatePublicIp = false })!.Host);
    }

    [Fact]
    public void A_connection_trusts_only_the_fingerprint_it_is_given()
    {
        var access = new Ec2SshAccess("ec2-user", "KEY", "/unused", Ec2HostKeyVerification.Pinned, null);
        var endpoint = new Ec2SshEndpoint("203.0.113.7", 22);

        var pinned = endpoint.Connection(access, "SHA256:abc");
        var open = endpoint.Connection(access, null);

        Assert.Equal(("203.0.113.7", 22, "ec2-user", "KEY", (string?)null), (pinned.Host, pinned.Port, pinned.Username, pinned.PrivateKey, pinned.PrivateKeyPath));
        Assert.Equal((SshHostKeyPolicy.ExpectedFingerprint, "SHA256:abc"), (pinned.HostKeyPolicy, pinned.ExpectedHostKeyFingerprint));
        Assert.Equal((SshHostKeyPolicy.Off, (string?)null), (open.HostKeyPolicy, open.ExpectedHostKeyFingerprint));
    }
}
