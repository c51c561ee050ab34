using System.Net;

namespace Acode.Ec2Emulator.Machines;

/// <summary>One emulated instance's machine: its disk (a folder), its sshd, its boot log.</summary>
public sealed class Machine
{
    internal Machine(MachineSpec spec) => Spec = spec;

    /// <summary>What the machine was launched as.</summary>
    public MachineSpec Spec { get; }

    /// <summary>The address sshd listens on while booted.</summary>
    public IPAddress? Address { get; private set; }

    /// <summary>The SSH port.</summary>
    public int SshPort { get; private set; }

    /// <summary>True while sshd runs.</summary>
    public bool IsBooted { get; private set; }

    /// <summary>The cumulative boot log, as cloud-init prints it, with the SSH host key fingerprint block after the first boot.</summary>
    public string ConsoleOutput { get; private set; } = string.Empty;

    /// <summary>Raised when something inside the machine runs <c>shutdown</c>, <c>poweroff</c> or <c>halt</c>.</summary>
#pragma warning disable CS0067 // stub until the machine implementation lands
    public event EventHandler<MachineShutdownEventArgs>? ShutdownRequested;
#pragma warning restore CS0067

    /// <summary>
    /// Starts sshd on <paramref name="address"/>. The first boot installs host keys (from <c>#cloud-config</c>
    /// <c>ssh_keys</c>, else generated) and runs a <c>#!</c> user-data script once. Returns when sshd accepts connections.
    /// </summary>
    public Task BootAsync(IPAddress address, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Stops sshd and every process of the machine; the disk stays.</summary>
    public Task HaltAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Halts the machine and deletes its disk.</summary>
    public Task DestroyAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
