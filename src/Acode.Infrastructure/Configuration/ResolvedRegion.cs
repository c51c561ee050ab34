namespace Acode.Infrastructure.Configuration;

/// <summary>A resolved region and the rung of the order it came from (e.g. <c>AWS_REGION</c>), for messages.</summary>
/// <param name="Region">The region code.</param>
/// <param name="Source">Where it came from.</param>
public sealed record ResolvedRegion(string Region, string Source);
