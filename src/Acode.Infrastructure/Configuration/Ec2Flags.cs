namespace Acode.Infrastructure.Configuration;

/// <summary>The command-line flags that take part in resolving the EC2 configuration (they win over file and environment).</summary>
/// <param name="Region">The <c>--region</c> flag, if given.</param>
/// <param name="Profile">The <c>--profile</c> flag, if given.</param>
public sealed record Ec2Flags(string? Region, string? Profile);
