using Acode.Infrastructure.Compute.Ec2.Keys;

namespace Acode.UnitTests.Compute.Ec2.Infrastructure;

public sealed class SshFingerprintTests
{
    private const string OpenSsh = "SHA256:kpEa+rw/Uq3zxaYZN8KT501iBtJOIdHG52dFi66EEfQ";

    [Theory]
    [InlineData("SHA256:kpEa+rw/Uq3zxaYZN8KT501iBtJOIdHG52dFi66EEfQ")]
    [InlineData("kpEa+rw/Uq3zxaYZN8KT501iBtJOIdHG52dFi66EEfQ=")]
    [InlineData("  sha256:kpEa+rw/Uq3zxaYZN8KT501iBtJOIdHG52dFi66EEfQ=\n")]
    public void Every_source_form_normalizes_to_the_openssh_form(string fingerprint)
    {
        Assert.Equal(OpenSsh, SshFingerprint.Normalize(fingerprint));
        Assert.True(SshFingerprint.AreEqual(OpenSsh, fingerprint));
    }

    [Fact]
    public void Base64_case_matters()
    {
        Assert.False(SshFingerprint.AreEqual(OpenSsh, OpenSsh.ToUpperInvariant()));
        Assert.False(SshFingerprint.AreEqual(OpenSsh, null));
    }

    [Fact]
    public void A_line_without_key_is_refused()
    {
        Assert.Throws<FormatException>(() => SshFingerprint.FromPublicKeyLine("ssh-ed25519"));
    }
}
