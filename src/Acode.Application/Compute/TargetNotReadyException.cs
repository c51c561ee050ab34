using Acode.Domain;
using Acode.Domain.Compute;

namespace Acode.Application.Compute;

/// <summary>An operation was called on a target whose state does not allow it (not prepared, or torn down).</summary>
public sealed class TargetNotReadyException : AcodeException
{
    public TargetNotReadyException(string targetId, ComputeTargetState state, string operation)
        : base(state is ComputeTargetState.Terminated or ComputeTargetState.TearingDown
            ? $"Cannot {operation}: target {targetId} has been torn down. Create a new target."
            : $"Cannot {operation}: target {targetId} is {state}, not Ready. Call PrepareAsync first.")
    {
        TargetId = targetId;
        State = state;
    }

    /// <summary>The target's id.</summary>
    public string TargetId { get; }

    /// <summary>The state the target was in.</summary>
    public ComputeTargetState State { get; }
}
