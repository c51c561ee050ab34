namespace Acode.Infrastructure.Compute.Ec2.InstanceTypes;

/// <summary>The instance types offered in a region or an AZ (DescribeInstanceTypeOfferings).</summary>
/// <param name="Location">The region or AZ.</param>
/// <param name="Offered">The types offered there; null when not known (EC2 failed or refused, see <paramref name="Note"/>).</param>
/// <param name="Note">Why the offerings are not known; null when they are.</param>
public sealed record Ec2OfferingLookup(string Location, IReadOnlySet<string>? Offered, string? Note)
{
    /// <summary>True when EC2 answered.</summary>
    public bool Live => Offered is not null;
}
