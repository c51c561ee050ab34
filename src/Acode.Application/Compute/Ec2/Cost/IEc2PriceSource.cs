namespace Acode.Application.Compute.Ec2.Cost;

/// <summary>
/// Live prices and reservations from AWS (DescribeSpotPriceHistory, DescribeReservedInstances), implemented in
/// Infrastructure. A null result means "not known live": the offline catalogue or assumption is used and said so.
/// </summary>
public interface IEc2PriceSource
{
    /// <summary>The current Linux spot $/h of a type in an AZ (or the region's cheapest AZ when null).</summary>
    Task<decimal?> GetSpotPriceAsync(string instanceType, string region, string? availabilityZone, CancellationToken cancellationToken = default);

    /// <summary>The account's reserved instances in the region (any state; the calculator keeps active ones).</summary>
    Task<IReadOnlyList<Ec2ReservedInstance>> GetReservedInstancesAsync(string region, CancellationToken cancellationToken = default);
}
