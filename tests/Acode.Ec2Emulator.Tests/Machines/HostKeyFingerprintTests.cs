using Acode.Ec2Emulator.Machines;

namespace Acode.Ec2EmulatorTests.Machines;

public sealed class HostKeyFingerprintTests
{
    [Theory]
    [InlineData("ed25519", null)]
    [InlineData("ecdsa", "384")]
    [InlineData("rsa", "2048")]
    public void Describes_a_key_exactly_as_ssh_keygen_lists_it(string type, string? bits)
    {
        var folder = Directory.CreateTempSubdirectory("acode-fp-");
        try
        {
            var path = Path.Combine(folder.FullName, "key");
            var arguments = new List<string> { "-q", "-t", type, "-N", string.Empty, "-C", "root@ip-10-0-2-182", "-f", path };
            if (bits is not null)
            {
                arguments.AddRange(["-b", bits]);
            }

            ClientKey.Run("ssh-keygen", [.. arguments]);
            var expected = ClientKey.Run("ssh-keygen", "-l", "-f", path + ".pub").Trim();

            Assert.Equal(expected, HostKeyFingerprint.Describe(File.ReadAllText(path + ".pub")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_key_without_comment_says_no_comment()
    {
        const string key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGBt2b9M1cQ0O0cHv0kq5iQ2X1nq2n5l8r8Wv3m0F0aA";

        Assert.EndsWith(" no comment (ED25519)", HostKeyFingerprint.Describe(key), StringComparison.Ordinal);
    }
}
