using System.Text;
using Acode.Infrastructure.Compute.Ec2.Keys;

namespace Acode.Infrastructure.Compute.Ec2.UserData;

/// <summary>
/// Builds the <c>#cloud-config</c> part that installs acode's pinned host key (ec2-api-facts 7.1): cloud-init's
/// <c>ssh</c> module writes <c>ssh_keys.ed25519_private</c>/<c>_public</c> to <c>/etc/ssh/ssh_host_ed25519_key</c>
/// (0600) and <c>.pub</c> before sshd first starts, so the very first SSH connection can be verified.
/// </summary>
public static class HostKeyCloudConfig
{
    /// <summary>Returns the cloud-config text.</summary>
    /// <param name="hostKey">The host key pair; its private half ends up in the user data.</param>
    /// <param name="deleteExistingHostKeys"><c>ssh_deletekeys</c>; null to omit.</param>
    /// <param name="generateKeyTypes"><c>ssh_genkeytypes</c>; null to omit.</param>
    public static string Build(GeneratedKeyPair hostKey, bool? deleteExistingHostKeys, IReadOnlyList<string>? generateKeyTypes)
    {
        var text = new StringBuilder("#cloud-config\n");
        if (deleteExistingHostKeys is { } delete)
        {
            text.Append("ssh_deletekeys: ").Append(delete ? "true" : "false").Append('\n');
        }

        if (generateKeyTypes is not null)
        {
            text.Append("ssh_genkeytypes: [").Append(string.Join(", ", generateKeyTypes.Select(YamlQuote))).Append("]\n");
        }

        text.Append("ssh_keys:\n");

        // A block scalar keeps the private key's line breaks (cloud-init's documented form); '|' keeps exactly one
        // trailing newline, which OpenSSH expects.
        text.Append("  ed25519_private: |\n");
        foreach (var line in hostKey.PrivateKeyOpenSsh.TrimEnd('\n').Split('\n'))
        {
            text.Append("    ").Append(line).Append('\n');
        }

        // Quoted: a comment like "x #y" would otherwise start a YAML comment.
        text.Append("  ed25519_public: ").Append(YamlQuote(hostKey.PublicKeyLine)).Append('\n');
        return text.ToString();
    }

    private static string YamlQuote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
