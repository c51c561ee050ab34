namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>One line of a cleanup result.</summary>
/// <param name="Kind">Instance, security group or key pair.</param>
/// <param name="ResourceId">The instance id, group id, or key pair id (the name when EC2 gave no id).</param>
/// <param name="Name">The group or key pair name; null for instances.</param>
/// <param name="Region">The region.</param>
/// <param name="Action">What happened.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record Ec2CleanupOutcome(
    Ec2CleanupResourceKind Kind, string ResourceId, string? Name, string Region, Ec2CleanupAction Action, string Reason);
