namespace Acode.Ec2Emulator.State;

/// <summary>EC2's instance states with their low-byte codes.</summary>
internal sealed record InstanceState(int Code, string Name)
{
    public static readonly InstanceState Pending = new(0, "pending");
    public static readonly InstanceState Running = new(16, "running");
    public static readonly InstanceState ShuttingDown = new(32, "shutting-down");
    public static readonly InstanceState Terminated = new(48, "terminated");
    public static readonly InstanceState Stopping = new(64, "stopping");
    public static readonly InstanceState Stopped = new(80, "stopped");
}
