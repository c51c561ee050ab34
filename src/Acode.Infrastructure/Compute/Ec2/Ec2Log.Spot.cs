using Acode.Application.Compute.Ec2.Spot;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2;

/// <summary>Log messages of spot launches, interruptions, instance types and live prices (EventIds 2600-2799).</summary>
internal static partial class Ec2Log
{
    [LoggerMessage(EventId = 2600, EventName = "Ec2LaunchAttemptSucceeded", Level = LogLevel.Information,
        Message = "Launched {Attempt} (attempt {Number} of {Total})")]
    public static partial void LaunchAttemptSucceeded(ILogger logger, LaunchAttempt attempt, int number, int total);

    [LoggerMessage(EventId = 2601, EventName = "Ec2LaunchAttemptRefused", Level = LogLevel.Warning,
        Message = "EC2 refused {Attempt} with {AwsErrorCode} (attempt {Number} of {Total})")]
    public static partial void LaunchAttemptRefused(ILogger logger, LaunchAttempt attempt, string awsErrorCode, int number, int total);

    [LoggerMessage(EventId = 2602, EventName = "Ec2SpotFallbackToOnDemand", Level = LogLevel.Warning,
        Message = "Spot unavailable ({AwsErrorCodes}): falling back to on-demand {InstanceType} in {Region} at {OnDemandHourlyRate} USD/h")]
    public static partial void SpotFallingBackToOnDemand(ILogger logger, string instanceType, string region, IReadOnlyList<string> awsErrorCodes, decimal onDemandHourlyRate);

    [LoggerMessage(EventId = 2603, EventName = "Ec2LaunchPlanExhausted", Level = LogLevel.Error,
        Message = "Launch failed: {Reason} (fallback to on-demand disabled: {FallbackDisabled})")]
    public static partial void LaunchPlanExhausted(ILogger logger, string reason, bool fallbackDisabled);

    [LoggerMessage(EventId = 2604, EventName = "Ec2LaunchTemplateNotDeleted", Level = LogLevel.Warning,
        Message = "Could not delete the spot fleet's launch template {LaunchTemplateId} (tagged acode; it costs nothing)")]
    public static partial void LaunchTemplateNotDeleted(ILogger logger, string launchTemplateId, Exception exception);

    [LoggerMessage(EventId = 2620, EventName = "Ec2SpotInterruptionNotice", Level = LogLevel.Warning,
        Message = "Spot instance {InstanceId} is being interrupted: {Action} at {InterruptionTime} (seen via {Source}); on-demand replacement: {WillReplace}")]
    public static partial void SpotInterruptionNotice(ILogger logger, string instanceId, string action, DateTimeOffset interruptionTime, string source, bool willReplace);

    [LoggerMessage(EventId = 2621, EventName = "Ec2SpotProbeFailed", Level = LogLevel.Debug,
        Message = "Spot interruption probe {Probe} for {InstanceId} failed; trying again at the next tick")]
    public static partial void SpotProbeFailed(ILogger logger, string probe, string instanceId, Exception exception);

    [LoggerMessage(EventId = 2623, EventName = "Ec2SpotImdsProbeExitCode", Level = LogLevel.Debug,
        Message = "Reading spot/instance-action on {InstanceId} over SSH exited with {ExitCode}; trying again at the next tick")]
    public static partial void SpotImdsProbeExitCode(ILogger logger, string instanceId, int exitCode);

    [LoggerMessage(EventId = 2622, EventName = "Ec2SpotWatchStarted", Level = LogLevel.Debug,
        Message = "Watching spot instance {InstanceId} for interruption every {PollInterval}")]
    public static partial void SpotWatchStarted(ILogger logger, string instanceId, TimeSpan pollInterval);

    [LoggerMessage(EventId = 2640, EventName = "Ec2InstanceTypesOffline", Level = LogLevel.Warning,
        Message = "Live instance-type data for {Region} unavailable ({Reason}): using acode's offline catalogue")]
    public static partial void InstanceTypesOffline(ILogger logger, string region, string reason);

    [LoggerMessage(EventId = 2641, EventName = "Ec2InstanceTypesLoaded", Level = LogLevel.Debug,
        Message = "Loaded {Count} {What} for {Location} from EC2")]
    public static partial void InstanceTypesLoaded(ILogger logger, int count, string what, string location);

    [LoggerMessage(EventId = 2660, EventName = "Ec2LivePriceUnavailable", Level = LogLevel.Warning,
        Message = "Live {What} for {Region} unavailable ({Reason}): the estimate uses acode's offline prices and says so")]
    public static partial void LivePriceUnavailable(ILogger logger, string what, string region, string reason);

    [LoggerMessage(EventId = 2661, EventName = "Ec2SpotPriceLoaded", Level = LogLevel.Debug,
        Message = "Spot price of {InstanceType} in {Location}: {Price} USD/h (as of {Timestamp})")]
    public static partial void SpotPriceLoaded(ILogger logger, string instanceType, string location, decimal price, DateTimeOffset timestamp);

    [LoggerMessage(EventId = 2680, EventName = "Ec2CostLedgerWriteFailed", Level = LogLevel.Warning,
        Message = "Could not record accrued cost of {InstanceId} in {Path}: {Reason}")]
    public static partial void CostLedgerWriteFailed(ILogger logger, string instanceId, string path, string reason);

    [LoggerMessage(EventId = 2624, EventName = "Ec2SpotReplacing", Level = LogLevel.Warning,
        Message = "Target {TargetId}: spot instance {InstanceId} interrupted; launching an on-demand {InstanceType} replacement")]
    public static partial void SpotReplacing(ILogger logger, string targetId, string instanceId, string instanceType);

    [LoggerMessage(EventId = 2625, EventName = "Ec2SpotWatchCheckFailed", Level = LogLevel.Warning,
        Message = "Spot interruption check for {InstanceId} failed; the next poll checks again")]
    public static partial void SpotWatchCheckFailed(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(EventId = 2642, EventName = "Ec2InstanceTypeWarning", Level = LogLevel.Warning,
        Message = "Target {TargetId}: {Warning}")]
    public static partial void InstanceTypeWarning(ILogger logger, string targetId, string warning);
}
