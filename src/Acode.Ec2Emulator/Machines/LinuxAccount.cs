namespace Acode.Ec2Emulator.Machines;

/// <summary>The Linux account sessions and user data of a machine run as.</summary>
internal sealed record LinuxAccount(string Name, int Uid, int Gid, string Shell)
{
    /// <summary>Reads <c>/etc/passwd</c>; null when the user does not exist.</summary>
    public static LinuxAccount? Find(string name)
    {
        foreach (var line in File.ReadLines("/etc/passwd"))
        {
            var fields = line.Split(':');
            if (fields.Length >= 7 && fields[0] == name)
            {
                return new LinuxAccount(name, int.Parse(fields[2]), int.Parse(fields[3]), fields[6].Length > 0 ? fields[6] : "/bin/sh");
            }
        }

        return null;
    }
}
