using Acode.Domain.Compute.Ec2;

namespace Acode.Application.Compute.Ec2;

/// <summary>
/// Finds and removes instances acode left running (FR-072..075): tagged <c>acode=true</c>, running, and launched longer
/// ago than the threshold (default <see cref="Ec2Defaults.OrphanThreshold"/>) or past their <c>acode:expires-at</c>.
/// Cleanup is safe: it only ever terminates instances that carry the acode tag, whatever ids it is given.
/// </summary>
public interface IEc2OrphanDetector
{
    /// <summary>The orphans in the region (every page of DescribeInstances).</summary>
    Task<IReadOnlyList<Ec2InstanceInfo>> DetectOrphansAsync(string region, TimeSpan orphanThreshold, CancellationToken cancellationToken = default);

    /// <summary>Terminates the given instances that are acode's; others are skipped with a reason.</summary>
    Task<Ec2OrphanCleanupResult> CleanupOrphansAsync(IEnumerable<string> instanceIds, CancellationToken cancellationToken = default);

    /// <summary>Detects and (unless <paramref name="dryRun"/>) terminates every orphan in the region.</summary>
    Task<Ec2OrphanCleanupResult> CleanupAllOrphansAsync(string region, TimeSpan orphanThreshold, bool dryRun = true, CancellationToken cancellationToken = default);
}
