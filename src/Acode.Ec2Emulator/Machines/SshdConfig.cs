using System.Net;
using System.Text;

namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// A machine's sshd_config: public keys only, from the machine's own authorized_keys, for its one user; sessions get
/// the machine's HOME, PATH (shims first) and process marker through <c>SetEnv</c>, and start in HOME through the
/// ForceCommand entry point. Security groups are enforced per connection source: <c>AllowUsers user@CIDR</c> for each
/// admitted range, <c>DenyUsers *</c> when none is (the client sees its login refused).
/// </summary>
internal static class SshdConfig
{
    public static void Write(MachineLayout layout, IPAddress address, int port, string userName, string marker, IEnumerable<string> hostKeys, IReadOnlyList<string>? sources = null)
    {
        var text = new StringBuilder()
            .Append("ListenAddress ").Append(address).Append(':').Append(port).Append('\n');
        foreach (var key in hostKeys)
        {
            text.Append("HostKey ").Append(Quote(key)).Append('\n');
        }

        text.Append("PidFile ").Append(Quote(layout.PidFile)).Append('\n')
            .Append("AuthorizedKeysFile ").Append(Quote(layout.AuthorizedKeys)).Append('\n')
            .Append("AllowUsers ").Append(sources is null or { Count: 0 } ? userName : string.Join(' ', sources.Select(s => userName + "@" + s))).Append('\n')
            .Append(sources is { Count: 0 } ? "DenyUsers *\n" : string.Empty)
            .Append("""
                PubkeyAuthentication yes
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PermitRootLogin no
                UsePAM no
                StrictModes no
                UseDNS no
                PrintMotd no
                PrintLastLog no
                MaxStartups 200
                MaxSessions 100
                LogLevel INFO

                """)
            .Append("SetEnv ")
            .Append(Quote("HOME=" + layout.Home)).Append(' ')
            .Append(Quote($"PATH={layout.Bin}:{MachineConstants.SystemPath}")).Append(' ')
            .Append(Quote($"{MachineConstants.InstanceMarkerVariable}={marker}")).Append('\n')
            .Append("ForceCommand ").Append(Quote(layout.SessionEntry)).Append('\n')
            .Append("Subsystem sftp internal-sftp\n");
        File.WriteAllText(layout.SshdConfig, text.ToString());
    }

    // sshd_config splits on spaces and honours double quotes; a double quote inside a value cannot be expressed.
    private static string Quote(string value) =>
        value.Contains('"', StringComparison.Ordinal)
            ? throw new ArgumentException($"sshd_config values cannot contain a double quote: {value}", nameof(value))
            : $"\"{value}\"";
}
