namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>What a cleanup did (or, in a dry run, would do), line by line.</summary>
public sealed record Ec2CleanupResult
{
    /// <summary>Nothing was changed.</summary>
    public required bool DryRun { get; init; }

    /// <summary>The plan the cleanup carried out.</summary>
    public required Ec2CleanupPlan Plan { get; init; }

    /// <summary>One line per instance, security group and key pair considered.</summary>
    public required IReadOnlyList<Ec2CleanupOutcome> Outcomes { get; init; }

    /// <summary>True when nothing failed.</summary>
    public bool Succeeded => !Outcomes.Any(o => o.Action == Ec2CleanupAction.Failed);

    /// <summary>The ids with the given action.</summary>
    public IReadOnlyList<string> Ids(Ec2CleanupAction action, Ec2CleanupResourceKind? kind = null) =>
        [.. Outcomes.Where(o => o.Action == action && (kind is null || o.Kind == kind)).Select(o => o.ResourceId)];
}
