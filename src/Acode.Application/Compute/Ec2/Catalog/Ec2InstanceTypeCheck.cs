namespace Acode.Application.Compute.Ec2.Catalog;

/// <summary>The verdict on one instance type name (UT-003).</summary>
public sealed record Ec2InstanceTypeCheck
{
    /// <summary>The name checked, as given.</summary>
    public required string InstanceType { get; init; }

    /// <summary>Reasons the type cannot be used; empty when it can.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Reasons to think twice (no price known, GPU type on a non-GPU AMI, burstable credits).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Close valid names, nearest first.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>True when there are no errors.</summary>
    public bool IsValid => Errors.Count == 0;
}
