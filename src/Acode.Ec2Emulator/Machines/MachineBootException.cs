namespace Acode.Ec2Emulator.Machines;

/// <summary>A machine could not boot: sshd did not start listening, or died; the message carries sshd's own words.</summary>
public sealed class MachineBootException : Exception
{
    public MachineBootException(string instanceId, string message, Exception? innerException = null)
        : base($"machine {instanceId} failed to boot: {message}", innerException) => InstanceId = instanceId;

    public MachineBootException()
    {
    }

    public MachineBootException(string message)
        : base(message)
    {
    }

    public MachineBootException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The instance whose machine failed.</summary>
    public string InstanceId { get; } = string.Empty;
}
