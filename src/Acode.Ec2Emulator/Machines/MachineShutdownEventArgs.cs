namespace Acode.Ec2Emulator.Machines;

/// <summary>Raised when something inside a machine runs <c>shutdown</c>, <c>poweroff</c> or <c>halt</c>.</summary>
public sealed class MachineShutdownEventArgs(string instanceId) : EventArgs
{
    /// <summary>The instance that asked to shut down.</summary>
    public string InstanceId { get; } = instanceId;
}
