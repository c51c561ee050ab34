using System.Diagnostics;
using Renci.SshNet;

namespace Acode.Ec2EmulatorTests.Machines;

/// <summary>An ed25519 key made by ssh-keygen in a folder of the test's own, for a client or a host.</summary>
internal sealed class ClientKey
{
    private ClientKey(string privateKeyPath)
    {
        PrivateKeyPath = privateKeyPath;
        PublicKeyLine = File.ReadAllText(privateKeyPath + ".pub").Trim();
    }

    public string PrivateKeyPath { get; }

    public string PublicKeyLine { get; }

    public string PrivateKeyText => File.ReadAllText(PrivateKeyPath);

    public static ClientKey Generate(string folder, string name = "id_ed25519")
    {
        var path = Path.Combine(folder, name);
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-C", "test@acode", "-f", path);
        return new ClientKey(path);
    }

    /// <summary>The SHA256 fingerprint as ssh-keygen prints it, without the <c>SHA256:</c> prefix.</summary>
    public string Sha256Fingerprint()
    {
        var line = Run("ssh-keygen", "-l", "-f", PrivateKeyPath + ".pub");
        var field = line.Split(' ')[1];
        return field["SHA256:".Length..];
    }

    public PrivateKeyFile Open() => new(PrivateKeyPath);

    public static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {output}");
        return output;
    }
}
