namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>A region a sweep of several regions could not look at, e.g. one the account has not enabled.</summary>
/// <param name="Region">The region.</param>
/// <param name="Note">Why, in words, with the AWS error code.</param>
public sealed record Ec2SkippedRegion(string Region, string Note);
