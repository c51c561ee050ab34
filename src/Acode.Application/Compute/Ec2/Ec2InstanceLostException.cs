using Acode.Domain;
using Acode.Domain.Compute.Ec2;

namespace Acode.Application.Compute.Ec2;

/// <summary>
/// The instance left the state acode was waiting for on its own: it was terminated or stopped underneath acode (by
/// someone else, a spot interruption, or the instance itself). acode cleans up what it created.
/// </summary>
public sealed class Ec2InstanceLostException : AcodeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="state">The state it was found in.</param>
    /// <param name="stateReason">EC2's state reason, when it gave one.</param>
    public Ec2InstanceLostException(string instanceId, Ec2InstanceState state, string? stateReason)
        : base($"Instance {instanceId} is {state} while acode waited for it to run"
            + (string.IsNullOrEmpty(stateReason) ? string.Empty : $" ({stateReason})")
            + ". It was stopped or terminated outside acode; the run cannot continue.")
    {
        InstanceId = instanceId;
        State = state;
        StateReason = stateReason;
    }

    /// <summary>The instance id.</summary>
    public string InstanceId { get; }

    /// <summary>The state the instance was found in.</summary>
    public Ec2InstanceState State { get; }

    /// <summary>EC2's state reason.</summary>
    public string? StateReason { get; }
}
