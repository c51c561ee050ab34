using System.Security.Cryptography;
using System.Text;
using Acode.Application.Compute.Ssh;
using Acode.Infrastructure.Compute.Ssh;
using Microsoft.Extensions.Logging.Abstractions;

namespace Acode.UnitTests.Compute.Ssh;

public sealed class KnownHostsFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"acode-known-hosts-{Guid.NewGuid():N}");
    private readonly byte[] _key = Blob("ssh-ed25519", 1);
    private readonly byte[] _other = Blob("ssh-ed25519", 2);

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Finds_plain_bracketed_and_hashed_entries()
    {
        var salt = RandomNumberGenerator.GetBytes(20);
#pragma warning disable CA5350 // OpenSSH's hashed-host format is HMAC-SHA1.
        var hash = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes("[h3]:2222"));
#pragma warning restore CA5350
        File.WriteAllText(_path, string.Join('\n',
            "# comment",
            $"h1,other ssh-ed25519 {Convert.ToBase64String(_key)}",
            $"[h2]:2222 ssh-ed25519 {Convert.ToBase64String(_key)} comment",
            $"|1|{Convert.ToBase64String(salt)}|{Convert.ToBase64String(hash)} ssh-ed25519 {Convert.ToBase64String(_other)}",
            "@revoked h1 ssh-ed25519 AAAA"));

        Assert.Equal([KnownHostsFile.Fingerprint(_key)], KnownHostsFile.FingerprintsFor(_path, "h1", 22));
        Assert.Equal([KnownHostsFile.Fingerprint(_key)], KnownHostsFile.FingerprintsFor(_path, "h2", 2222));
        Assert.Empty(KnownHostsFile.FingerprintsFor(_path, "h2", 22));
        Assert.Equal([KnownHostsFile.Fingerprint(_other)], KnownHostsFile.FingerprintsFor(_path, "h3", 2222));
    }

    [Fact]
    public void Fingerprint_is_unpadded_base64_sha256_like_ssh_keygen()
    {
        var fingerprint = KnownHostsFile.Fingerprint(_key);

        Assert.StartsWith("SHA256:", fingerprint, StringComparison.Ordinal);
        Assert.Equal(43, fingerprint.Length - "SHA256:".Length);
        Assert.Equal("ssh-ed25519", KnownHostsFile.KeyType(_key));
    }

    [Fact]
    public void Trust_on_first_use_records_the_key_then_pins_it()
    {
        var configuration = new SshTargetConfiguration
        {
            Host = "h",
            Port = 2200,
            Username = "u",
            PrivateKeyPath = "/k",
            HostKeyPolicy = SshHostKeyPolicy.TrustOnFirstUse,
            KnownHostsPath = _path,
        };
        var verifier = new HostKeyVerifier(configuration, NullLogger.Instance);

        Assert.True(verifier.Verify(_key));
        Assert.False(verifier.Verify(_other));
        Assert.Equal(KnownHostsFile.Fingerprint(_key), verifier.Rejection!.ExpectedFingerprint);
        Assert.Equal(KnownHostsFile.Fingerprint(_other), verifier.Rejection.ActualFingerprint);
        Assert.Equal([KnownHostsFile.Fingerprint(_key)], KnownHostsFile.FingerprintsFor(_path, "h", 2200));

        var strict = new HostKeyVerifier(configuration with { HostKeyPolicy = SshHostKeyPolicy.KnownHostsFile }, NullLogger.Instance);
        Assert.False(strict.Verify(_other));
        Assert.True(strict.Verify(_key));
    }

    [Fact]
    public void Expected_fingerprint_policy_accepts_a_padded_fingerprint_and_rejects_others()
    {
        var configuration = new SshTargetConfiguration
        {
            Host = "h",
            Username = "u",
            PrivateKeyPath = "/k",
            HostKeyPolicy = SshHostKeyPolicy.ExpectedFingerprint,
            ExpectedHostKeyFingerprint = KnownHostsFile.Fingerprint(_key) + "=",
        };

        Assert.True(new HostKeyVerifier(configuration, NullLogger.Instance).Verify(_key));
        var rejecting = new HostKeyVerifier(configuration, NullLogger.Instance);
        Assert.False(rejecting.Verify(_other));
        Assert.Contains(KnownHostsFile.Fingerprint(_other), rejecting.Rejection!.Message, StringComparison.Ordinal);
    }

    private static byte[] Blob(string type, byte seed)
    {
        var name = Encoding.ASCII.GetBytes(type);
        var blob = new byte[4 + name.Length + 4 + 32];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(blob, name.Length);
        name.CopyTo(blob, 4);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(4 + name.Length), 32);
        blob.AsSpan(8 + name.Length).Fill(seed);
        return blob;
    }
}
