using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2;

/// <summary>Log messages of the orphan sweep (EventIds 2800-2899).</summary>
internal static partial class Ec2Log
{
    [LoggerMessage(EventId = 2800, EventName = "Ec2CleanupPlanned", Level = LogLevel.Information,
        Message = "Cleanup plan for {Regions}: {Orphans} orphan(s), {Kept} acode instance(s) kept, {Resources} temporary resource(s) to delete (threshold {Threshold})")]
    public static partial void CleanupPlanned(ILogger logger, string regions, int orphans, int kept, int resources, TimeSpan threshold);

    [LoggerMessage(EventId = 2801, EventName = "Ec2OrphanTerminated", Level = LogLevel.Information,
        Message = "Orphan {InstanceId} in {Region} terminated: {Reason}")]
    public static partial void OrphanTerminated(ILogger logger, string instanceId, string region, string reason);

    [LoggerMessage(EventId = 2802, EventName = "Ec2OrphanSkipped", Level = LogLevel.Information,
        Message = "Instance {InstanceId} in {Region} left alone at cleanup: {Reason}")]
    public static partial void OrphanSkipped(ILogger logger, string instanceId, string region, string reason);

    [LoggerMessage(EventId = 2803, EventName = "Ec2CleanupFailed", Level = LogLevel.Warning,
        Message = "Cleanup of {Kind} {ResourceId} in {Region} failed: {ErrorCode}")]
    public static partial void CleanupFailed(ILogger logger, Orphans.Ec2CleanupResourceKind kind, string resourceId, string region, string errorCode);

    [LoggerMessage(EventId = 2804, EventName = "Ec2TempResourceDeleted", Level = LogLevel.Information,
        Message = "Temporary {Kind} {ResourceId} ({Name}) in {Region} deleted")]
    public static partial void TempResourceDeleted(ILogger logger, Orphans.Ec2CleanupResourceKind kind, string resourceId, string name, string region);

    [LoggerMessage(EventId = 2806, EventName = "Ec2CleanupRegionSkipped", Level = LogLevel.Warning,
        Message = "Cleanup skipped region {Region}: not enabled for this account ({ErrorCode})")]
    public static partial void RegionSkipped(ILogger logger, string region, string errorCode);
}
