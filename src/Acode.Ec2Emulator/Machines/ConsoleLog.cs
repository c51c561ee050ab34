using System.Globalization;
using System.Text;

namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// Writes the serial console as cloud-init prints it on EC2: its stage lines, and after the first boot the
/// <c>keys_to_console</c> blocks (fingerprints through syslog with a <c>cloud-init:</c> tag, then the raw keys).
/// </summary>
internal sealed class ConsoleLog(string path, TimeProvider timeProvider)
{
    public const string CloudInitVersion = "22.2.2";
    private const string Hashes = "#############################################################";

    public void BootStarted(string instanceId, bool firstBoot)
    {
        var now = timeProvider.GetUtcNow();
        Append(
            $"[    0.000000] Linux version 6.1.0-acode-emulator (emulated instance {instanceId})",
            $"Cloud-init v. {CloudInitVersion} running 'init' at {Rfc2822(now)}. Up 0.01 seconds.",
            firstBoot ? "ci-info: ++++++ first boot: installing host keys and running user data ++++++" : "ci-info: ++++++ boot: keeping host keys; user data already ran ++++++");
    }

    /// <summary>The fingerprint block (one <c>ssh-keygen -l</c> line per key) then the raw key block.</summary>
    public void HostKeys(IReadOnlyList<string> publicKeyLines)
    {
        if (publicKeyLines.Count == 0)
        {
            return;
        }

        var prefix = $"<14>{Syslog(timeProvider.GetUtcNow())} cloud-init: ";
        var lines = new List<string> { prefix + Hashes, prefix + "-----BEGIN SSH HOST KEY FINGERPRINTS-----" };
        lines.AddRange(publicKeyLines.Select(k => prefix + HostKeyFingerprint.Describe(k)));
        lines.Add(prefix + "-----END SSH HOST KEY FINGERPRINTS-----");
        lines.Add(prefix + Hashes);
        lines.Add("-----BEGIN SSH HOST KEY KEYS-----");
        lines.AddRange(publicKeyLines.Select(k => k.Trim()));
        lines.Add("-----END SSH HOST KEY KEYS-----");
        Append([.. lines]);
    }

    public void BootFinished(TimeSpan elapsed) =>
        Append($"Cloud-init v. {CloudInitVersion} finished at {Rfc2822(timeProvider.GetUtcNow())}. Datasource DataSourceEc2.  Up {elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} seconds");

    /// <summary>The most recent <see cref="MachineConstants.ConsoleOutputLimit"/> bytes, as EC2 keeps them.</summary>
    public string Read()
    {
        using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length > MachineConstants.ConsoleOutputLimit)
        {
            stream.Seek(-MachineConstants.ConsoleOutputLimit, SeekOrigin.End);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private void Append(params string[] lines)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        foreach (var line in lines)
        {
            writer.Write(line);
            writer.Write('\n');
        }
    }

    private static string Rfc2822(DateTimeOffset time) => time.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture);

    private static string Syslog(DateTimeOffset time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time:MMM} {time.Day,2} {time:HH:mm:ss}");
}
