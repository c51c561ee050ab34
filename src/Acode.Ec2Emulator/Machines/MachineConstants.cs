namespace Acode.Ec2Emulator.Machines;

/// <summary>Fixed names and defaults of the emulator's machines.</summary>
public static class MachineConstants
{
    /// <summary>The environment variable every process of a machine carries: <c>instance-id/host-nonce</c>.</summary>
    public const string InstanceMarkerVariable = "ACODE_EMULATOR_INSTANCE";

    /// <summary>The SSH port when running as root.</summary>
    public const int RootSshPort = 22;

    /// <summary>Default of <see cref="MachineHostOptions.BootTimeout"/>: generous, because 50 machines may boot at once on 2 cores.</summary>
    public static readonly TimeSpan DefaultBootTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How much console output is kept, as EC2 keeps the most recent 64 KB.</summary>
    public const int ConsoleOutputLimit = 64 * 1024;

    internal const string SshdPath = "/usr/sbin/sshd";
    internal const string SshKeygenPath = "/usr/bin/ssh-keygen";
    internal const string SftpServerPath = "/usr/lib/openssh/sftp-server";
    internal const string SetsidPath = "/usr/bin/setsid";
    internal const string SetprivPath = "/usr/bin/setpriv";
    internal const string SystemPath = "/usr/local/bin:/usr/bin:/bin";
}
