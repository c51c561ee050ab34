using Acode.Application.Compute.Ec2;

namespace Acode.Infrastructure.Compute.Ec2.Spot;

/// <summary>How often and how patiently <see cref="SpotInterruptionWatcher"/> looks.</summary>
public sealed record SpotInterruptionWatcherOptions
{
    /// <summary>Between checks; AWS suggests 5 s for the two-minute notice (ec2-api-facts 8.3).</summary>
    public TimeSpan PollInterval { get; init; } = Ec2Defaults.PollInterval;

    /// <summary>A single probe (SSH command or DescribeInstances) is abandoned after this long.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
