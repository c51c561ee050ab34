using Acode.Domain;

namespace Acode.Application.Compute.Ec2;

/// <summary>The spot instance running the command is being interrupted by AWS (FR-051); the command did not finish.</summary>
public sealed class SpotInterruptedException : AcodeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="instanceId">The interrupted instance.</param>
    /// <param name="action">The notice's action (<c>terminate</c>, <c>stop</c>, <c>hibernate</c>) or EC2's state reason.</param>
    /// <param name="interruptionTime">When AWS interrupts.</param>
    /// <param name="replacementAvailable">True when an on-demand replacement is (being) provisioned so the caller can retry.</param>
    /// <param name="innerException">How the command failed once the instance went away, if it did.</param>
    public SpotInterruptedException(string instanceId, string action, DateTimeOffset interruptionTime, bool replacementAvailable, Exception? innerException = null)
        : base(
            $"Spot instance {instanceId} is being interrupted by AWS ({action} at {interruptionTime:u}); the command did not finish. "
            + (replacementAvailable ? "An on-demand replacement is being prepared: retry the command." : "Retry, or set ec2Target.spotFallbackToOnDemand: true."),
            innerException)
    {
        InstanceId = instanceId;
        Action = action;
        InterruptionTime = interruptionTime;
        ReplacementAvailable = replacementAvailable;
    }

    /// <summary>The interrupted instance.</summary>
    public string InstanceId { get; }

    /// <summary>The interruption action.</summary>
    public string Action { get; }

    /// <summary>When AWS interrupts.</summary>
    public DateTimeOffset InterruptionTime { get; }

    /// <summary>True when a replacement is available.</summary>
    public bool ReplacementAvailable { get; }
}
