using Acode.Infrastructure.Compute.Ec2.HostKeys;
using Acode.Infrastructure.Compute.Ec2.Keys;

namespace Acode.UnitTests.Compute.Ec2.Infrastructure;

public sealed class PinnedHostKeyTests
{
    private static readonly GeneratedKeyPair HostKey = SshKeyPairGenerator.GenerateEd25519("host");

    [Fact]
    public void The_generated_key_matches_in_ssh_net_form()
    {
        var pin = PinnedHostKey.From(HostKey);

        Assert.True(pin.Matches("ssh-ed25519", HostKey.Fingerprint["SHA256:".Length..]));
    }

    [Fact]
    public void Another_key_or_type_does_not_match()
    {
        var pin = PinnedHostKey.From(HostKey);

        Assert.False(pin.Matches("ssh-ed25519", SshKeyPairGenerator.GenerateEd25519("other").Fingerprint));
        Assert.False(pin.Matches("ecdsa-sha2-nistp256", HostKey.Fingerprint));
        Assert.DoesNotContain("PRIVATE", pin.ToString(), StringComparison.Ordinal);
    }
}
