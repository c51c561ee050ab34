using Acode.Ec2Emulator.Auth;
using Acode.Ec2Emulator.Lifecycle;
using Acode.Ec2Emulator.Protocol;
using Acode.Ec2Emulator.State;

namespace Acode.Ec2Emulator.Actions;

/// <summary>What an action handler sees: the request, the caller, the account state (locked) and the clock.</summary>
internal sealed class ActionContext
{
    public required string Action { get; init; }
    public required QueryParameters Params { get; init; }
    public required EmulatorState State { get; init; }
    public required InstanceLifecycle Lifecycle { get; init; }
    public required EmulatorCredential Credential { get; init; }
    public required DateTimeOffset Now { get; init; }
    public bool DryRun { get; init; }

    /// <summary>The injected faults, for actions that apply them per launch pool (CreateFleet).</summary>
    public Control.FaultInjector? Faults { get; init; }

    /// <summary>True once <see cref="Checkpoint"/> passed: the handler may now change state.</summary>
    public bool Authorized { get; private set; }

    /// <summary>
    /// Called after validation and before any change: refuses keys whose allow-list lacks the action, and ends a
    /// DryRun with <c>DryRunOperation</c> (HTTP 412), as EC2 does.
    /// </summary>
    public void Checkpoint()
    {
        if (!Credential.Allows(Action))
        {
            throw new Ec2Exception("UnauthorizedOperation", "You are not authorized to perform this operation.", 403);
        }

        if (DryRun)
        {
            throw new Ec2Exception("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
        }

        Authorized = true;
    }
}
