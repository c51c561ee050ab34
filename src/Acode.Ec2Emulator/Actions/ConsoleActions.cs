using System.Security.Cryptography;
using System.Text;
using Acode.Ec2Emulator.Protocol;
using Acode.Ec2Emulator.State;

namespace Acode.Ec2Emulator.Actions;

/// <summary>
/// GetConsoleOutput: the machine's real boot log when machines run; otherwise a cloud-init-like log with a
/// fingerprint block (for a host key that does not exist, since no sshd runs). Absent until the first boot.
/// </summary>
internal static class ConsoleActions
{
    public static void Register(ActionRegistry registry) => registry.Query("GetConsoleOutput", GetConsoleOutput);

    private static void GetConsoleOutput(ActionContext ctx, XmlReply r)
    {
        var instance = Lookup.Instance(ctx, ctx.Params.Require("InstanceId"));
        r.E("instanceId", instance.Id).E("timestamp", ctx.Now);
        if (!instance.HasBooted)
        {
            return;
        }

        var text = instance.Machine is { } machine ? machine.ConsoleOutput : Synthetic(ctx.State, instance);
        if (text.Length > 0)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            r.E("output", Convert.ToBase64String(bytes.Length > 65536 ? bytes[^65536..] : bytes));
        }
    }

    private static string Synthetic(EmulatorState state, Instance instance)
    {
        var host = "ip-" + instance.PrivateIp.Replace('.', '-');
        var fingerprint = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(instance.Id))).TrimEnd('=');
        var at = instance.LaunchTime.UtcDateTime.ToString("MMM dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        return string.Join('\n',
            $"[    0.000000] Linux version 6.1.0 (emulated {instance.Image.Name})",
            $"[    1.000000] cloud-init[1]: Cloud-init v. 23.4 running 'init' at {at}. Up 1.00 seconds.",
            $"[    2.000000] cloud-init[1]: ci-info: Instance {instance.Id} in {state.Region} ({instance.Type.Name})",
            $"{at} {host} cloud-init: #############################################################",
            $"{at} {host} cloud-init: -----BEGIN SSH HOST KEY FINGERPRINTS-----",
            $"{at} {host} cloud-init: 256 SHA256:{fingerprint} root@{host} (ED25519)",
            $"{at} {host} cloud-init: -----END SSH HOST KEY FINGERPRINTS-----",
            $"{at} {host} cloud-init: #############################################################",
            $"Cloud-init v. 23.4 finished at {at}. Datasource DataSourceEc2.  Up 3.00 seconds",
            string.Empty);
    }
}
