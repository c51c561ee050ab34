using Acode.Application.Compute.Ec2.Catalog;

namespace Acode.Infrastructure.Compute.Ec2.InstanceTypes;

/// <summary>Hardware of instance types, live from DescribeInstanceTypes or from the offline catalogue.</summary>
/// <param name="Types">The types found, by name; a name EC2 (or the catalogue) does not know is absent.</param>
/// <param name="Live">True when EC2 answered; false when the offline catalogue stood in.</param>
/// <param name="Note">Why the catalogue stood in (EC2's error code and message); null when live.</param>
public sealed record Ec2InstanceTypeLookup(IReadOnlyDictionary<string, Ec2InstanceTypeSpec> Types, bool Live, string? Note);
