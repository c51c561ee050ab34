namespace Acode.Domain.Compute.Ec2.Cost;

/// <summary>
/// A cost figure with every component shown (FR-057): instance-hours, root EBS, public IPv4, Elastic IP. Amounts are
/// USD, unrounded decimals; round only for display (<see cref="Ec2CostBreakdown.RoundForDisplay"/>).
/// </summary>
public sealed record Ec2CostBreakdown
{
    /// <summary>The instance type.</summary>
    public required string InstanceType { get; init; }

    /// <summary>The region.</summary>
    public required string Region { get; init; }

    /// <summary>The run time the figure is for.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>The run time billed: whole seconds, at least the 60 s minimum for Linux.</summary>
    public required TimeSpan BilledDuration { get; init; }

    /// <summary>The list on-demand $/h of the instance type.</summary>
    public required decimal OnDemandHourlyRate { get; init; }

    /// <summary>The $/h actually applied to instance-hours after <see cref="Discount"/>.</summary>
    public required decimal InstanceHourlyRate { get; init; }

    /// <summary>Instance-hours cost.</summary>
    public required decimal InstanceCost { get; init; }

    /// <summary>Root EBS volume cost, GB-month rate prorated per second.</summary>
    public required decimal EbsCost { get; init; }

    /// <summary>Auto-assigned public IPv4 address cost.</summary>
    public required decimal PublicIpv4Cost { get; init; }

    /// <summary>Elastic IP cost.</summary>
    public required decimal ElasticIpCost { get; init; }

    /// <summary>The sum of all components.</summary>
    public decimal TotalCost => InstanceCost + EbsCost + PublicIpv4Cost + ElasticIpCost;

    /// <summary>$/h of everything together while running (instance + EBS + addresses) (FR-058).</summary>
    public required decimal HourlyRate { get; init; }

    /// <summary>Which discount set <see cref="InstanceHourlyRate"/>.</summary>
    public required Ec2DiscountKind Discount { get; init; }

    /// <summary>Assumptions behind the figure (offline spot discount, EBS price date, ...), in words.</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = [];

    /// <summary>Rounds an amount for display: to the cent above $1, else to 4 decimals (half away from zero).</summary>
    public static decimal RoundForDisplay(decimal amount) =>
        Math.Round(amount, Math.Abs(amount) >= 1m ? 2 : 4, MidpointRounding.AwayFromZero);
}
