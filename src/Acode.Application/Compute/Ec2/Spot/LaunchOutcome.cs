namespace Acode.Application.Compute.Ec2.Spot;

/// <summary>The result of running a launch plan: what was launched, on which attempt, and what failed before it.</summary>
/// <typeparam name="T">What the launch delegate returned (e.g. the RunInstances response).</typeparam>
/// <param name="Result">The successful attempt's result.</param>
/// <param name="Attempt">The attempt that succeeded: its market, type and max price decide the rate the cost tracker bills.</param>
/// <param name="Failures">The attempts refused before it, in order.</param>
public sealed record LaunchOutcome<T>(T Result, LaunchAttempt Attempt, IReadOnlyList<LaunchFailure> Failures)
{
    /// <summary>True when spot was planned but an on-demand attempt launched (FR-052).</summary>
    public bool FellBackToOnDemand => !Attempt.IsSpot && Failures.Any(f => f.Attempt.IsSpot);
}
