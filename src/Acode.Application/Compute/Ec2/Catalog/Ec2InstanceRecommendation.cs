namespace Acode.Application.Compute.Ec2.Catalog;

/// <summary>One recommended instance type, with the rate it was ranked on and why it was picked.</summary>
/// <param name="InstanceType">The type.</param>
/// <param name="HourlyRate">The $/h ranked on (spot or on-demand).</param>
/// <param name="IsSpot">True when <paramref name="HourlyRate"/> is a spot rate.</param>
/// <param name="RateIsAssumed">True when the spot rate is the offline assumed discount, not a live price.</param>
/// <param name="Reason">Why, in words: what it offers against what was needed, and its price.</param>
public sealed record Ec2InstanceRecommendation(string InstanceType, decimal HourlyRate, bool IsSpot, bool RateIsAssumed, string Reason);
