using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure;

/// <summary>
/// Every log message of Acode.Infrastructure, source-generated. EventIds: 1000-1999 SSH. Never pass key material,
/// secret keys, tokens or passwords; commands are passed through the secret redactor first.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, EventName = "SshConnecting", Level = LogLevel.Debug, Message = "Connecting to {Username}@{Host}:{Port}")]
    public static partial void SshConnecting(this ILogger logger, string username, string host, int port);

    [LoggerMessage(EventId = 1001, EventName = "SshConnected", Level = LogLevel.Information, Message = "Connected to {Host}:{Port} in {ElapsedMs} ms (host key {Fingerprint})")]
    public static partial void SshConnected(this ILogger logger, string host, int port, long elapsedMs, string fingerprint);

    [LoggerMessage(EventId = 1002, EventName = "SshReconnecting", Level = LogLevel.Warning, Message = "Target {TargetId}: SSH connection to {Host}:{Port} dropped; reconnecting")]
    public static partial void SshReconnecting(this ILogger logger, string targetId, string host, int port);

    [LoggerMessage(EventId = 1003, EventName = "SshCommandStarting", Level = LogLevel.Debug, Message = "Target {TargetId}: running {Command}")]
    public static partial void SshCommandStarting(this ILogger logger, string targetId, string command);

    [LoggerMessage(EventId = 1004, EventName = "SshCommandCompleted", Level = LogLevel.Debug, Message = "Target {TargetId}: command exited with {ExitCode} after {DurationMs} ms")]
    public static partial void SshCommandCompleted(this ILogger logger, string targetId, int exitCode, long durationMs);

    [LoggerMessage(EventId = 1005, EventName = "SshCommandTimedOut", Level = LogLevel.Warning, Message = "Target {TargetId}: command timed out after {TimeoutMs} ms; stopping process group {ProcessGroup}")]
    public static partial void SshCommandTimedOut(this ILogger logger, string targetId, long timeoutMs, int processGroup);

    [LoggerMessage(EventId = 1006, EventName = "SshProcessGroupKillFailed", Level = LogLevel.Warning, Message = "Target {TargetId}: could not stop remote process group {ProcessGroup}")]
    public static partial void SshProcessGroupKillFailed(this ILogger logger, string targetId, int processGroup, Exception exception);

    [LoggerMessage(EventId = 1007, EventName = "SshTransferCompleted", Level = LogLevel.Information, Message = "Target {TargetId}: {Direction} of {Files} files, {Bytes} bytes via {Method} in {DurationMs} ms (verified: {Verified})")]
    public static partial void SshTransferCompleted(this ILogger logger, string targetId, string direction, int files, long bytes, string method, long durationMs, bool verified);

    [LoggerMessage(EventId = 1008, EventName = "SshHostKeyTrustedOnFirstUse", Level = LogLevel.Warning, Message = "Trusting host key {Fingerprint} of {Host}:{Port} on first use")]
    public static partial void SshHostKeyTrustedOnFirstUse(this ILogger logger, string host, int port, string fingerprint);

    [LoggerMessage(EventId = 1009, EventName = "SshHostKeyRejected", Level = LogLevel.Error, Message = "Rejected host key of {Host}:{Port}: expected {Expected}, got {Actual}")]
    public static partial void SshHostKeyRejected(this ILogger logger, string host, int port, string expected, string actual);

    [LoggerMessage(EventId = 1010, EventName = "SshWorkspacePrepared", Level = LogLevel.Information, Message = "Target {TargetId}: workspace {RemoteRoot} ready ({Files} files, {Bytes} bytes uploaded)")]
    public static partial void SshWorkspacePrepared(this ILogger logger, string targetId, string remoteRoot, int files, long bytes);

    [LoggerMessage(EventId = 1011, EventName = "SshTornDown", Level = LogLevel.Information, Message = "Target {TargetId}: torn down (workspace {RemoteRoot} kept: {Kept})")]
    public static partial void SshTornDown(this ILogger logger, string targetId, string remoteRoot, bool kept);

    [LoggerMessage(EventId = 1012, EventName = "SshTeardownFailed", Level = LogLevel.Warning, Message = "Target {TargetId}: could not remove the remote workspace")]
    public static partial void SshTeardownFailed(this ILogger logger, string targetId, Exception exception);

    [LoggerMessage(EventId = 1013, EventName = "SshSftpFallback", Level = LogLevel.Information, Message = "Target {TargetId}: remote has no tar; transferring the tree over SFTP")]
    public static partial void SshSftpFallback(this ILogger logger, string targetId);
}
