namespace Acode.Domain.Compute.Ec2;

/// <summary>The lifecycle state of an EC2 instance, as EC2 reports it (FR-062).</summary>
public enum Ec2InstanceState
{
    /// <summary>Launched; not yet running.</summary>
    Pending,

    /// <summary>Running and billed.</summary>
    Running,

    /// <summary>Being stopped (preserved).</summary>
    Stopping,

    /// <summary>Stopped: no instance-hours billed, but EBS volumes and Elastic IPs still are.</summary>
    Stopped,

    /// <summary>Being terminated.</summary>
    ShuttingDown,

    /// <summary>Gone for good.</summary>
    Terminated,

    /// <summary>A state this version of acode does not know.</summary>
    Unknown,
}
