namespace Acode.Ec2Emulator.Machines;

/// <summary>The paths of one machine's disk, laid out like the parts of a real instance they stand for.</summary>
internal sealed class MachineLayout(string root, string instanceId, string powerRequests)
{
    public string Root { get; } = root;

    public string InstanceId { get; } = instanceId;

    /// <summary>The login user's home; sessions and user data start here.</summary>
    public string Home => Path.Combine(Root, "home");

    /// <summary>Shims first on PATH: shutdown, poweroff, halt, reboot, sudo, and the session entry point.</summary>
    public string Bin => Path.Combine(Root, "bin");

    /// <summary>Stands for /etc/ssh: host keys, sshd_config, authorized_keys.</summary>
    public string EtcSsh => Path.Combine(Root, "etc", "ssh");

    public string SshdConfig => Path.Combine(EtcSsh, "sshd_config");

    public string AuthorizedKeys => Path.Combine(EtcSsh, "authorized_keys");

    /// <summary>A shell file of <c>export NAME='value'</c> lines, sourced by sessions and user data.</summary>
    public string EnvironmentFile => Path.Combine(Root, "etc", "environment.sh");

    public string Run => Path.Combine(Root, "run");

    public string PidFile => Path.Combine(Run, "sshd.pid");

    /// <summary>The host's shared folder where the shutdown shims drop their requests; writable by every machine user.</summary>
    public string PowerRequests { get; } = powerRequests;

    public string Log => Path.Combine(Root, "var", "log");

    public string ConsoleLog => Path.Combine(Log, "console.log");

    public string SshdLog => Path.Combine(Log, "sshd.log");

    /// <summary>Stands for /var/lib/cloud: user-data parts and the once-only markers.</summary>
    public string Cloud => Path.Combine(Root, "var", "lib", "cloud");

    public string Scripts => Path.Combine(Cloud, "scripts");

    public string UserScriptsDone => Path.Combine(Cloud, "sem", "user-scripts");

    public string FirstBootDone => Path.Combine(Cloud, "sem", "first-boot");

    public string SessionEntry => Path.Combine(Bin, "acode-session");

    public string HostKeyPath(string type) => Path.Combine(EtcSsh, $"ssh_host_{type}_key");

    public IEnumerable<string> Folders =>
        [Root, Home, Bin, EtcSsh, Run, Log, Scripts, Path.GetDirectoryName(UserScriptsDone)!];
}
