using System.Diagnostics;
using Acode.Infrastructure.Compute.Ec2.Keys;

namespace Acode.IntegrationTests.Ec2;

/// <summary>OpenSSH's own ssh-keygen accepts the generated keys and agrees on the fingerprint.</summary>
public sealed class SshKeyPairOpenSshTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("acode-keygen-").FullName;

    [Fact]
    public async Task Ssh_keygen_derives_the_same_public_key_and_fingerprint()
    {
        var pair = SshKeyPairGenerator.GenerateEd25519("acode-it");
        var privatePath = Path.Combine(_folder, "id_ed25519");
        await SshPrivateKeyFile.WriteAsync(privatePath, pair);
        var publicPath = Path.Combine(_folder, "id_ed25519.pub");
        await File.WriteAllTextAsync(publicPath, pair.PublicKeyLine + "\n");

        var derived = await SshKeygenAsync("-y", "-f", privatePath);
        var fingerprint = await SshKeygenAsync("-l", "-E", "sha256", "-f", publicPath);

        Assert.Equal(string.Join(' ', pair.PublicKeyLine.Split(' ')[..2]), string.Join(' ', derived.Trim().Split(' ')[..2]));
        Assert.Equal($"256 {pair.Fingerprint} acode-it (ED25519)", fingerprint.Trim());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<string> SshKeygenAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("ssh-keygen") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var output = await process.StandardOutput.ReadToEndAsync(cts.Token);
        var error = await process.StandardError.ReadToEndAsync(cts.Token);
        await process.WaitForExitAsync(cts.Token);
        Assert.True(process.ExitCode == 0, error);
        return output;
    }
}
