namespace Acode.Ec2Emulator.Machines;

/// <summary>Where and how a <see cref="MachineHost"/> keeps its machines.</summary>
public sealed record MachineHostOptions
{
    /// <summary>A folder the host owns; each machine lives in a sub-folder named after its instance id.</summary>
    public required string WorkRoot { get; init; }

    /// <summary>True when <see cref="WorkRoot"/> is the host's alone, so that its watchdog deletes it after a crash.</summary>
    public bool OwnsWorkRoot { get; init; }

    /// <summary>The SSH port of every machine; null means 22 when running as root, else a free high port per machine.</summary>
    public int? SshPort { get; init; }

    /// <summary>How long <see cref="Machine.BootAsync"/> waits for sshd to listen before it gives up.</summary>
    public TimeSpan BootTimeout { get; init; } = MachineConstants.DefaultBootTimeout;
}
