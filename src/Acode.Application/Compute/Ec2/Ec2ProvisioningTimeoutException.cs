using Acode.Domain;
using Acode.Domain.Compute.Ec2;

namespace Acode.Application.Compute.Ec2;

/// <summary>The instance did not reach running within the provisioning timeout (FR-039). The instance has been (or will be) terminated.</summary>
public sealed class Ec2ProvisioningTimeoutException : AcodeException
{
    /// <summary>Creates the exception.</summary>
    public Ec2ProvisioningTimeoutException(string instanceId, TimeSpan timeout, Ec2InstanceState lastState)
        : base($"Instance {instanceId} was still {lastState} after {timeout}; it is being terminated. Retry, or raise ec2Target.provisionTimeout.")
    {
        InstanceId = instanceId;
        Timeout = timeout;
        LastState = lastState;
    }

    /// <summary>The instance id.</summary>
    public string InstanceId { get; }

    /// <summary>The timeout that ran out.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The last state seen.</summary>
    public Ec2InstanceState LastState { get; }
}
