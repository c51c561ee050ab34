namespace Acode.Infrastructure.Compute.Ec2.Spot;

/// <summary>What DescribeInstances says about an instance, as the interruption watcher needs it.</summary>
/// <param name="State">EC2's state name, e.g. <c>running</c>, <c>shutting-down</c>.</param>
/// <param name="StateReasonCode">EC2's state reason code, e.g. <c>Server.SpotInstanceTermination</c>; null when none.</param>
public sealed record Ec2InstanceStateProbe(string State, string? StateReasonCode);
