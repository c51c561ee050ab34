using System.Security.Cryptography;
using System.Text;
using Acode.Infrastructure.Compute.Ec2.Keys;
using Renci.SshNet;

namespace Acode.UnitTests.Compute.Ec2.Infrastructure;

public sealed class SshKeyPairGeneratorTests
{
    [Fact]
    public void Private_key_is_openssh_text_that_ssh_net_loads_with_the_same_public_key()
    {
        var pair = SshKeyPairGenerator.GenerateEd25519("acode-test");

        Assert.StartsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n", pair.PrivateKeyOpenSsh, StringComparison.Ordinal);
        Assert.EndsWith("-----END OPENSSH PRIVATE KEY-----\n", pair.PrivateKeyOpenSsh, StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes(pair.PrivateKeyOpenSsh));
        using var keyFile = new PrivateKeyFile(stream);
        Assert.Equal("ssh-ed25519", keyFile.Key.ToString());
        var loadedBlob = ((Renci.SshNet.Security.KeyHostAlgorithm)keyFile.HostKeyAlgorithms.First()).Data;
        Assert.Equal(pair.PublicKeyBlob.ToArray(), loadedBlob);
    }

    [Fact]
    public void Public_line_and_fingerprint_follow_openssh()
    {
        var pair = SshKeyPairGenerator.GenerateEd25519("alice@laptop");

        var fields = pair.PublicKeyLine.Split(' ');
        Assert.Equal(3, fields.Length);
        Assert.Equal("ssh-ed25519", fields[0]);
        Assert.StartsWith("AAAAC3NzaC1lZDI1NTE5", fields[1], StringComparison.Ordinal);
        Assert.Equal("alice@laptop", fields[2]);
        Assert.Equal(51, pair.PublicKeyBlob.Length);

        var expected = "SHA256:" + Convert.ToBase64String(SHA256.HashData(Convert.FromBase64String(fields[1]))).TrimEnd('=');
        Assert.Equal(expected, pair.Fingerprint);
        Assert.Equal(expected, SshFingerprint.FromPublicKeyLine(pair.PublicKeyLine));
        Assert.DoesNotContain("=", pair.Fingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_call_gives_a_new_key()
    {
        Assert.NotEqual(SshKeyPairGenerator.GenerateEd25519("a").Fingerprint, SshKeyPairGenerator.GenerateEd25519("a").Fingerprint);
    }

    [Fact]
    public void ToString_never_shows_the_private_key()
    {
        var pair = SshKeyPairGenerator.GenerateEd25519("c");

        var text = pair.ToString();

        Assert.Equal($"ssh-ed25519 {pair.Fingerprint}", text);
        Assert.DoesNotContain("PRIVATE", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_with_a_line_break_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SshKeyPairGenerator.GenerateEd25519("a\nb"));
    }

    [Fact]
    public void An_empty_comment_gives_a_two_field_line()
    {
        Assert.Equal(2, SshKeyPairGenerator.GenerateEd25519("").PublicKeyLine.Split(' ').Length);
    }
}
