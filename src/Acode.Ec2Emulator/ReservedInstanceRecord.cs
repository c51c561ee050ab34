namespace Acode.Ec2Emulator;

/// <summary>A reserved instance purchase, added through the control API.</summary>
public sealed record ReservedInstanceRecord
{
    public string ReservedInstancesId { get; init; } = Guid.NewGuid().ToString();
    public required string InstanceType { get; init; }
    public int InstanceCount { get; init; } = 1;
    /// <summary>Null for a regional reservation.</summary>
    public string? AvailabilityZone { get; init; }
    public DateTimeOffset Start { get; init; }
    public long DurationSeconds { get; init; } = 31_536_000;
    public decimal FixedPrice { get; init; }
    public decimal UsagePrice { get; init; }
    public decimal RecurringHourlyPrice { get; init; }
    public string OfferingType { get; init; } = "No Upfront";
    public string OfferingClass { get; init; } = "standard";
    public string ProductDescription { get; init; } = "Linux/UNIX";
    public string State { get; init; } = "active";
}
