namespace Acode.Infrastructure.Compute.Ec2.Provisioning;

/// <summary>One way to launch: an instance type, bought on-demand or as spot (with an optional maximum price).</summary>
/// <param name="InstanceType">The instance type.</param>
/// <param name="Spot">True to launch as spot (InstanceMarketOptions).</param>
/// <param name="SpotMaxPrice">The spot price cap in $/h; null = up to the on-demand price.</param>
public sealed record Ec2LaunchAttempt(string InstanceType, bool Spot, decimal? SpotMaxPrice = null);
