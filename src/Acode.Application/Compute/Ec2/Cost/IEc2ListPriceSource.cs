namespace Acode.Application.Compute.Ec2.Cost;

/// <summary>
/// List prices looked up live (the AWS Price List Query API, <c>GetProducts</c>) for what the offline catalogue does
/// not hold: other regions, other instance types. Implemented in Infrastructure. Null means "not known": the figure is
/// then shown as "cost unknown", and only a command that needs a price to decide refuses.
/// </summary>
public interface IEc2ListPriceSource
{
    /// <summary>The on-demand Linux $/h (shared tenancy) of a type in a region; null when not known.</summary>
    Task<decimal?> GetOnDemandHourlyAsync(string instanceType, string region, CancellationToken cancellationToken = default);

    /// <summary>The $/GB-month of an EBS volume type (<c>gp3</c>, <c>gp2</c>) in a region; null when not known.</summary>
    Task<decimal?> GetEbsGbMonthAsync(string volumeType, string region, CancellationToken cancellationToken = default);
}
