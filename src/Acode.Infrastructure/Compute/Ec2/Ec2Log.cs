using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Credentials;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2;

/// <summary>
/// Log messages of the EC2 building blocks (EventIds 2000-2999, kept apart from the project's <c>Log</c> class that
/// the SSH target owns). Structured fields only; no key material, secret key or session token ever goes in.
/// </summary>
internal static partial class Ec2Log
{
    [LoggerMessage(EventId = 2000, EventName = "AwsCredentialsResolved", Level = LogLevel.Information,
        Message = "AWS credentials resolved from {Source} ({Description}), region {Region}")]
    public static partial void CredentialsResolved(ILogger logger, AwsCredentialSource source, string description, string region);

    [LoggerMessage(EventId = 2001, EventName = "Ec2ClientCreated", Level = LogLevel.Debug,
        Message = "AWS {Service} client created for region {Region}, endpoint {Endpoint}")]
    public static partial void ClientCreated(ILogger logger, string service, string region, string endpoint);

    [LoggerMessage(EventId = 2100, EventName = "Ec2KeyPairImported", Level = LogLevel.Information,
        Message = "Key pair {KeyName} imported (public half only), fingerprint {Fingerprint}")]
    public static partial void KeyPairImported(ILogger logger, string keyName, string fingerprint);

    [LoggerMessage(EventId = 2101, EventName = "Ec2KeyPairDeleted", Level = LogLevel.Information, Message = "Key pair {KeyName} deleted")]
    public static partial void KeyPairDeleted(ILogger logger, string keyName);

    [LoggerMessage(EventId = 2110, EventName = "Ec2SecurityGroupCreated", Level = LogLevel.Information,
        Message = "Temporary security group {GroupId} created: TCP {Port} from {SourceCidrs}")]
    public static partial void SecurityGroupCreated(ILogger logger, string groupId, int port, string sourceCidrs);

    [LoggerMessage(EventId = 2111, EventName = "Ec2SecurityGroupDeleted", Level = LogLevel.Information, Message = "Temporary security group {GroupId} deleted")]
    public static partial void SecurityGroupDeleted(ILogger logger, string groupId);

    [LoggerMessage(EventId = 2112, EventName = "Ec2SecurityGroupStillInUse", Level = LogLevel.Debug,
        Message = "Security group {GroupId} not deletable yet ({ErrorCode}); retrying in {Backoff}")]
    public static partial void SecurityGroupStillInUse(ILogger logger, string groupId, string errorCode, TimeSpan backoff);

    [LoggerMessage(EventId = 2121, EventName = "Ec2InstanceLaunched", Level = LogLevel.Information,
        Message = "Instance {InstanceId} launched: {InstanceType} (spot: {Spot}) in {Region}")]
    public static partial void InstanceLaunched(ILogger logger, string instanceId, string instanceType, bool spot, string region);

    [LoggerMessage(EventId = 2122, EventName = "Ec2InstanceTerminationRequested", Level = LogLevel.Information,
        Message = "Instance {InstanceId} termination requested; now {State}")]
    public static partial void InstanceTerminationRequested(ILogger logger, string instanceId, Ec2InstanceState state);

    [LoggerMessage(EventId = 2123, EventName = "Ec2InstanceStateChanged", Level = LogLevel.Information,
        Message = "Instance {InstanceId}: {PreviousState} -> {CurrentState} {StateReason}")]
    public static partial void InstanceStateChanged(ILogger logger, string instanceId, Ec2InstanceState previousState, Ec2InstanceState currentState, string? stateReason);

    [LoggerMessage(EventId = 2130, EventName = "Ec2SshReady", Level = LogLevel.Information,
        Message = "SSH to {InstanceId} at {Host}:{Port} ready after {Attempts} attempt(s) in {Elapsed}")]
    public static partial void SshReady(ILogger logger, string instanceId, string host, int port, int attempts, TimeSpan elapsed);

    [LoggerMessage(EventId = 2131, EventName = "Ec2SshNotReady", Level = LogLevel.Debug,
        Message = "SSH to {InstanceId} at {Host}:{Port} not ready (attempt {Attempts}): {Reason}")]
    public static partial void SshNotReady(ILogger logger, string instanceId, string host, int port, int attempts, string reason);

    [LoggerMessage(EventId = 2200, EventName = "Ec2TargetPreparing", Level = LogLevel.Information,
        Message = "EC2 target {TargetId} preparing: {InstanceType} in {Region}")]
    public static partial void TargetPreparing(ILogger logger, string targetId, string instanceType, string region);

    [LoggerMessage(EventId = 2201, EventName = "Ec2TargetReady", Level = LogLevel.Information,
        Message = "EC2 target {TargetId} ready: instance {InstanceId} at {Host} after {Elapsed}")]
    public static partial void TargetReady(ILogger logger, string targetId, string instanceId, string host, TimeSpan elapsed);

    [LoggerMessage(EventId = 2202, EventName = "Ec2TargetPrepareFailed", Level = LogLevel.Error,
        Message = "EC2 target {TargetId} failed to prepare; cleaning up what it created")]
    public static partial void TargetPrepareFailed(ILogger logger, string targetId, Exception exception);

    [LoggerMessage(EventId = 2203, EventName = "Ec2TargetTornDown", Level = LogLevel.Information,
        Message = "EC2 target {TargetId} torn down: instance {InstanceId} ran {RunDuration}, estimated cost {Cost} USD (empty when no price is known)")]
    public static partial void TargetTornDown(ILogger logger, string targetId, string instanceId, TimeSpan runDuration, decimal? cost);

    [LoggerMessage(EventId = 2204, EventName = "Ec2TeardownStepFailed", Level = LogLevel.Warning,
        Message = "EC2 target {TargetId}: teardown step {Step} failed")]
    public static partial void TeardownStepFailed(ILogger logger, string targetId, string step, Exception exception);

    [LoggerMessage(EventId = 2205, EventName = "Ec2HeartbeatFailed", Level = LogLevel.Warning,
        Message = "EC2 target {TargetId}: dead-man switch heartbeat to {InstanceId} failed")]
    public static partial void HeartbeatFailed(ILogger logger, string targetId, string instanceId, Exception exception);

    [LoggerMessage(EventId = 2209, EventName = "Ec2ObservationFailed", Level = LogLevel.Warning,
        Message = "EC2 target {TargetId}: {Step} failed; the run, its teardown and its exit code are unaffected")]
    public static partial void ObservationFailed(ILogger logger, string targetId, string step, Exception exception);

    [LoggerMessage(EventId = 2207, EventName = "Ec2ProcessExitTerminating", Level = LogLevel.Warning,
        Message = "Process exiting ({Reason}): terminating instance {InstanceId} launched by this process")]
    public static partial void ProcessExitTerminating(ILogger logger, string reason, string instanceId);

    [LoggerMessage(EventId = 2208, EventName = "Ec2TargetStopped", Level = LogLevel.Information,
        Message = "EC2 target {TargetId}: instance {InstanceId} {Action}")]
    public static partial void TargetStopStart(ILogger logger, string targetId, string instanceId, string action);
}
