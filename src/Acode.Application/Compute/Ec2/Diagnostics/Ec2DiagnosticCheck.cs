namespace Acode.Application.Compute.Ec2.Diagnostics;

/// <summary>One line of the <c>acode target test ec2</c> checklist.</summary>
public sealed record Ec2DiagnosticCheck
{
    /// <summary>What was checked, e.g. <c>credentials</c>, <c>RunInstances (DryRun)</c>, <c>provision</c>.</summary>
    public required string Name { get; init; }

    /// <summary>True when the check passed.</summary>
    public required bool Passed { get; init; }

    /// <summary>What was found (account and ARN, AMI id, estimate, ...); never a secret.</summary>
    public string? Detail { get; init; }

    /// <summary>For a failed check: how to fix it.</summary>
    public string? Fix { get; init; }

    /// <summary>How long the check took (a full run's phases are timed).</summary>
    public TimeSpan Duration { get; init; }
}
