using System.Diagnostics;

namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// A machine's SSH host keys, installed on first boot as cloud-init's <c>ssh</c> module does: the <c>ssh_keys</c> of
/// the cloud-config when given (and then only those), else freshly generated ed25519 and ecdsa keys (no RSA: keeps
/// boot fast; clients negotiate ed25519).
/// </summary>
internal static class HostKeys
{
    private static readonly string[] GeneratedTypes = ["ecdsa", "ed25519"];
    private static readonly string[] AllTypes = ["rsa", "ecdsa", "ed25519"];

    /// <summary>The private key paths of the host keys on disk (rsa, ecdsa, ed25519 order).</summary>
    public static IReadOnlyList<string> Existing(MachineLayout layout) =>
        AllTypes.Select(layout.HostKeyPath).Where(p => File.Exists(p) && File.Exists(p + ".pub")).ToList();

    public static async Task InstallAsync(MachineLayout layout, CloudConfig config, string comment, CancellationToken cancellationToken)
    {
        var types = config.HostKeyTypes.ToList();
        if (types.Count == 0)
        {
            await Task.WhenAll(GeneratedTypes.Select(t => GenerateAsync(layout.HostKeyPath(t), t, comment, cancellationToken)));
            return;
        }

        foreach (var type in types)
        {
            var path = layout.HostKeyPath(type);
            if (config.SshKeys.TryGetValue($"{type}_private", out var privateKey))
            {
                // Deleting first: a new file gets 0600 from the start, which sshd insists on for host keys.
                File.Delete(path);
                await using (var stream = new FileStream(path, UnixFiles.CreatePrivate()))
                await using (var writer = new StreamWriter(stream))
                {
                    await writer.WriteAsync(privateKey.TrimEnd() + "\n");
                }
            }

            var publicKey = config.SshKeys.TryGetValue($"{type}_public", out var given)
                ? given.Trim()
                : await DerivePublicAsync(path, cancellationToken) + " root@localhost";
            await File.WriteAllTextAsync(path + ".pub", publicKey + "\n", cancellationToken);
        }
    }

    private static async Task GenerateAsync(string path, string type, string comment, CancellationToken cancellationToken)
    {
        File.Delete(path);
        File.Delete(path + ".pub");
        var output = await RunKeygenAsync(["-q", "-t", type, "-N", string.Empty, "-C", comment, "-f", path], cancellationToken);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"ssh-keygen could not generate a {type} host key: {output}");
        }
    }

    private static async Task<string> DerivePublicAsync(string privateKeyPath, CancellationToken cancellationToken)
    {
        var output = (await RunKeygenAsync(["-y", "-f", privateKeyPath], cancellationToken)).Trim();
        if (!output.Contains(' ', StringComparison.Ordinal))
        {
            // ssh-keygen's message may quote the path but never the key.
            throw new InvalidOperationException($"the cloud-config private host key {Path.GetFileName(privateKeyPath)} is not a valid OpenSSH key: {output}");
        }

        return output;
    }

    private static async Task<string> RunKeygenAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(MachineConstants.SshKeygenPath)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return output + await error;
    }
}
