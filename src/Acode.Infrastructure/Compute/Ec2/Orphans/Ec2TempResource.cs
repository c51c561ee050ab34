namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>A temporary security group or auto key pair of acode's that cleanup would delete, or keeps (with why).</summary>
public sealed record Ec2TempResource
{
    /// <summary>Security group or key pair.</summary>
    public required Ec2CleanupResourceKind Kind { get; init; }

    /// <summary>The group id or key pair id.</summary>
    public required string Id { get; init; }

    /// <summary>The group or key name.</summary>
    public required string Name { get; init; }

    /// <summary>The region.</summary>
    public required string Region { get; init; }

    /// <summary>The <c>acode:session</c> tag, when present.</summary>
    public string? SessionId { get; init; }

    /// <summary>Why it goes, or why it stays.</summary>
    public required string Reason { get; init; }

    /// <summary>Instances that still hold it but are being terminated by this cleanup (deletion waits for them).</summary>
    public IReadOnlyList<string> WaitsFor { get; init; } = [];
}
