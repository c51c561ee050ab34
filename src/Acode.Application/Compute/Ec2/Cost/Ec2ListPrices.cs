namespace Acode.Application.Compute.Ec2.Cost;

/// <summary>Fills the prices the offline catalogue lacks from an <see cref="IEc2ListPriceSource"/>, and says where they came from.</summary>
public static class Ec2ListPrices
{
    /// <summary>The source named on a figure priced live.</summary>
    public const string Source = "AWS Price List (GetProducts), looked up live";

    /// <summary>
    /// The request with a live on-demand and EBS rate where the catalogue has none (the catalogue wins where it has
    /// one, so a run in a catalogued region makes no pricing call); unchanged when <paramref name="source"/> is null.
    /// </summary>
    public static async Task<Ec2CostRequest> FillAsync(Ec2CostRequest request, IEc2ListPriceSource? source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (source is null)
        {
            return request;
        }

        if (Ec2CostCalculator.OnDemandRate(request) is null)
        {
            request = request with { OnDemandHourlyRate = await source.GetOnDemandHourlyAsync(request.InstanceType, request.Region, cancellationToken).ConfigureAwait(false) };
        }

        // Without an instance price the figure is unknown anyway: no second lookup (nor a second timeout).
        if (Ec2CostCalculator.OnDemandRate(request) is not null && Ec2CostCalculator.EbsRate(request) is null)
        {
            request = request with { EbsGbMonthRate = await source.GetEbsGbMonthAsync(request.EbsVolumeType, request.Region, cancellationToken).ConfigureAwait(false) };
        }

        return request;
    }
}
