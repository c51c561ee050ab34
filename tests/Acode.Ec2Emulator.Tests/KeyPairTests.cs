using System.Security.Cryptography;
using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Utilities;
using Org.BouncyCastle.Security;

namespace Acode.Ec2Emulator.Tests;

public sealed class KeyPairTests
{
    [Fact]
    public async Task CreateKeyPair_returns_private_material_once_and_describes_the_public_half()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var ed = (await h.Ec2.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = "ed", KeyType = KeyType.Ed25519 })).KeyPair;
        Assert.StartsWith("-----BEGIN OPENSSH PRIVATE KEY-----", ed.KeyMaterial, StringComparison.Ordinal);
        Assert.EndsWith("=", ed.KeyFingerprint, StringComparison.Ordinal);
        Assert.StartsWith("key-", ed.KeyPairId, StringComparison.Ordinal);

        var rsa = (await h.Ec2.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = "rsa" })).KeyPair;
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", rsa.KeyMaterial, StringComparison.Ordinal);
        Assert.Matches("^([0-9a-f]{2}:){19}[0-9a-f]{2}$", rsa.KeyFingerprint);
        using var parsed = RSA.Create();
        parsed.ImportFromPem(rsa.KeyMaterial);
        Assert.Equal(2048, parsed.KeySize);

        var described = await h.Ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyNames = ["ed"], IncludePublicKey = true });
        Assert.StartsWith("ssh-ed25519 ", described.KeyPairs.Single().PublicKey, StringComparison.Ordinal);
        Assert.Equal(KeyType.Ed25519, described.KeyPairs[0].KeyType);
        await AssertEc2.FailsAsync("InvalidKeyPair.Duplicate", () => h.Ec2.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = "ed" }));
    }

    [Fact]
    public async Task ImportKeyPair_reports_the_sha256_fingerprint_of_an_ed25519_key()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var blob = OpenSshPublicKeyUtilities.EncodePublicKey(generator.GenerateKeyPair().Public);
        var line = "ssh-ed25519 " + Convert.ToBase64String(blob) + " me@host";

        var imported = await h.Ec2.ImportKeyPairAsync(new ImportKeyPairRequest
        {
            KeyName = "mine",
            PublicKeyMaterial = Convert.ToBase64String(Encoding.UTF8.GetBytes(line)),
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.KeyPair, Tags = [new Tag("acode", "true")] }],
        });

        Assert.Equal(Convert.ToBase64String(SHA256.HashData(blob)), imported.KeyFingerprint);
        Assert.Equal("true", imported.Tags.Single().Value);
        var byTag = await h.Ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { Filters = [new Filter("tag:acode", ["true"])] });
        Assert.Equal("mine", byTag.KeyPairs.Single().KeyName);
        await AssertEc2.FailsAsync("InvalidKey.Format", () => h.Ec2.ImportKeyPairAsync(new ImportKeyPairRequest
        {
            KeyName = "bad", PublicKeyMaterial = Convert.ToBase64String(Encoding.UTF8.GetBytes("ssh-dss AAAAB3NzaC1kc3M= x")),
        }));
    }

    [Fact]
    public async Task DeleteKeyPair_is_idempotent_and_describing_a_missing_name_fails()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.Ec2.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = "gone", KeyType = KeyType.Ed25519 });
        await h.Ec2.DeleteKeyPairAsync(new DeleteKeyPairRequest { KeyName = "gone" });
        await h.Ec2.DeleteKeyPairAsync(new DeleteKeyPairRequest { KeyName = "gone" });
        await AssertEc2.FailsAsync("InvalidKeyPair.NotFound", () => h.Ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyNames = ["gone"] }));
        Assert.Empty((await h.Ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { Filters = [new Filter("key-name", ["gone"])] })).KeyPairs ?? []);
    }
}
