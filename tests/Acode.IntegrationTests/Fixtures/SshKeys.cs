namespace Acode.IntegrationTests.Fixtures;

/// <summary>An ed25519 key pair on disk (private file mode 0600).</summary>
/// <param name="PrivateKeyPath">The private key file.</param>
/// <param name="PublicKey">The public key line (<c>ssh-ed25519 AAAA... comment</c>).</param>
/// <param name="Fingerprint">The OpenSSH fingerprint, <c>SHA256:...</c>.</param>
public sealed record SshKeys(string PrivateKeyPath, string PublicKey, string Fingerprint)
{
    /// <summary>The private key file's text (OpenSSH format).</summary>
    public string PrivateKeyText => File.ReadAllText(PrivateKeyPath);

    /// <summary>Generates a key pair with <c>ssh-keygen</c> in <paramref name="folder"/>.</summary>
    public static async Task<SshKeys> GenerateAsync(string folder, string name, string passphrase = "", CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(folder, name);
        await ProcessRunner.RunCheckedAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", passphrase, "-C", name, "-f", path], cancellationToken).ConfigureAwait(false);
        var publicKey = (await File.ReadAllTextAsync(path + ".pub", cancellationToken).ConfigureAwait(false)).Trim();
        var listing = await ProcessRunner.RunCheckedAsync("ssh-keygen", ["-l", "-E", "sha256", "-f", path + ".pub"], cancellationToken).ConfigureAwait(false);
        return new SshKeys(path, publicKey, listing.Split(' ')[1]);
    }
}
