using System.Net;

namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// Runs the real machines behind emulated instances: one OpenSSH <c>sshd</c> per booted machine on its own loopback
/// address. Disposing it stops every process of every machine it started.
/// </summary>
public sealed class MachineHost : IAsyncDisposable
{
    public MachineHost(MachineHostOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
    }

    /// <summary>Reserves a loopback address (127.0.0.0/8) that no other machine, host or process is using.</summary>
    public IPAddress ReserveAddress() => throw new NotImplementedException();

    /// <summary>Returns an address reserved with <see cref="ReserveAddress"/>.</summary>
    public void ReleaseAddress(IPAddress address) => throw new NotImplementedException();

    /// <summary>Creates a machine's state on disk; no process runs until <see cref="Machine.BootAsync"/>.</summary>
    public Machine Create(MachineSpec spec) => throw new NotImplementedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
