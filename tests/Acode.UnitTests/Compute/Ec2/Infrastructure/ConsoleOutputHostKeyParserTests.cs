using System.Text;
using Acode.Infrastructure.Compute.Ec2.HostKeys;
using Acode.Infrastructure.Compute.Ec2.Keys;

namespace Acode.UnitTests.Compute.Ec2.Infrastructure;

public sealed class ConsoleOutputHostKeyParserTests
{
    private const string Ed25519 = "SHA256:kpEa+rw/Uq3zxaYZN8KT501iBtJOIdHG52dFi66EEfQ";
    private const string Ecdsa = "SHA256:Yb1k2JqR0mXo9t8o4ZcQxVQ3gD0mY7oM1p2ZkqLwW3E";
    private const string Rsa = "SHA256:3c0cK4tO8pYd7QeQfW2n4vJ1mGm0rXxS9kHbL5uT6aI";

    // A current Amazon Linux 2023 style console: syslog-prefixed fingerprint lines, kernel noise in between.
    private static readonly string Al2023Console = string.Join("\n",
        "[    0.000000] Linux version 6.1.102-108.177.amzn2023.x86_64",
        "[   12.345678] cloud-init[1720]: Cloud-init v. 22.2.2 running 'modules:final'",
        "<14>Nov 25 21:03:14 cloud-init: #############################################################",
        "<14>Nov 25 21:03:14 cloud-init: -----BEGIN SSH HOST KEY FINGERPRINTS-----",
        $"<14>Nov 25 21:03:14 cloud-init: 256 {Ecdsa} root@ip-10-0-2-182.ec2.internal (ECDSA)",
        "[   13.000001] random: crng init done",
        $"<14>Nov 25 21:03:14 cloud-init: 256 {Ed25519} root@ip-10-0-2-182.ec2.internal (ED25519)",
        $"<14>Nov 25 21:03:14 cloud-init: 3072 {Rsa} no comment (RSA)",
        "<14>Nov 25 21:03:14 cloud-init: -----END SSH HOST KEY FINGERPRINTS-----",
        "<14>Nov 25 21:03:14 cloud-init: #############################################################",
        "Amazon Linux 2023.5.20240805",
        "ip-10-0-2-182 login: ");

    [Fact]
    public void Reads_every_fingerprint_of_a_prefixed_noisy_block()
    {
        var keys = ConsoleOutputHostKeyParser.Parse(Al2023Console);

        Assert.True(keys.Found);
        Assert.Equal(
            [new("ECDSA", Ecdsa), new("ED25519", Ed25519), new("RSA", Rsa)],
            keys.Fingerprints);
    }

    [Fact]
    public void Reads_the_older_ec2_prefix_with_crlf_line_ends()
    {
        var text = "ec2: #############################################################\r\n"
            + "ec2: -----BEGIN SSH HOST KEY FINGERPRINTS-----\r\n"
            + $"ec2: 256 {Ed25519} root@ip-172-31-5-9 (ED25519)\r\n"
            + "ec2: -----END SSH HOST KEY FINGERPRINTS-----\r\n";

        var keys = ConsoleOutputHostKeyParser.Parse(text);

        Assert.Equal([new ConsoleHostKeyFingerprint("ED25519", Ed25519)], keys.Fingerprints);
        Assert.True(keys.Contains("ssh-ed25519", Ed25519["SHA256:".Length..] + "="));
        Assert.False(keys.Contains("ecdsa-sha2-nistp256", Ed25519));
    }

    [Fact]
    public void Computes_fingerprints_from_the_keys_block()
    {
        var key = SshKeyPairGenerator.GenerateEd25519("root@ip-10-0-0-1");
        var text = "Cloud-init v. 23.4 finished\n"
            + "-----BEGIN SSH HOST KEY KEYS-----\n"
            + key.PublicKeyLine + "\n"
            + "-----END SSH HOST KEY KEYS-----\n";

        var keys = ConsoleOutputHostKeyParser.Parse(text);

        Assert.Equal([new ConsoleHostKeyFingerprint("ED25519", key.Fingerprint)], keys.Fingerprints);
    }

    [Fact]
    public void Both_blocks_for_the_same_key_give_one_entry()
    {
        var key = SshKeyPairGenerator.GenerateEd25519("root@h");
        var text = "ec2: -----BEGIN SSH HOST KEY FINGERPRINTS-----\n"
            + $"ec2: 256 {key.Fingerprint} root@h (ED25519)\n"
            + "ec2: -----END SSH HOST KEY FINGERPRINTS-----\n"
            + "-----BEGIN SSH HOST KEY KEYS-----\n" + key.PublicKeyLine + "\n-----END SSH HOST KEY KEYS-----\n";

        Assert.Single(ConsoleOutputHostKeyParser.Parse(text).Fingerprints);
    }

    [Fact]
    public void Only_the_last_complete_block_counts()
    {
        var text = "ec2: -----BEGIN SSH HOST KEY FINGERPRINTS-----\n"
            + $"ec2: 256 {Ecdsa} root@old (ED25519)\n"
            + "ec2: -----END SSH HOST KEY FINGERPRINTS-----\n"
            + "reboot: Restarting system\n"
            + "ec2: -----BEGIN SSH HOST KEY FINGERPRINTS-----\n"
            + $"ec2: 256 {Ed25519} root@new (ED25519)\n"
            + "ec2: -----END SSH HOST KEY FINGERPRINTS-----\n"
            + "ec2: -----BEGIN SSH HOST KEY FINGERPRINTS-----\n"
            + $"ec2: 256 {Rsa} root@truncated (ED25519)\n";

        Assert.Equal([new ConsoleHostKeyFingerprint("ED25519", Ed25519)], ConsoleOutputHostKeyParser.Parse(text).Fingerprints);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("[    0.000000] Linux version 5.10\nlogin: ")]
    [InlineData("ec2: -----BEGIN SSH HOST KEY FINGERPRINTS-----\nec2: 256 SHA256:abc")]
    public void No_complete_block_means_none(string? text)
    {
        var keys = ConsoleOutputHostKeyParser.Parse(text);

        Assert.False(keys.Found);
        Assert.Empty(keys.Fingerprints);
    }

    [Fact]
    public void Decodes_the_base64_api_field()
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Al2023Console));

        Assert.Equal(3, ConsoleOutputHostKeyParser.ParseBase64(base64).Fingerprints.Count);
        Assert.False(ConsoleOutputHostKeyParser.ParseBase64(null).Found);
        Assert.False(ConsoleOutputHostKeyParser.ParseBase64("not base64 !").Found);
    }

    [Theory]
    [InlineData("ssh-ed25519", "ED25519")]
    [InlineData("ecdsa-sha2-nistp384", "ECDSA")]
    [InlineData("rsa-sha2-512", "RSA")]
    [InlineData("ssh-rsa", "RSA")]
    public void Handshake_algorithms_map_to_console_types(string algorithm, string keyType)
    {
        Assert.Equal(keyType, SshHostKeyTypes.FromAlgorithm(algorithm));
    }
}
