using Microsoft.Extensions.Logging;

namespace Acode.Ec2Emulator;

/// <summary>The emulator's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "EmulatorStarted", Level = LogLevel.Information, Message = "EC2 emulator listening on {ServiceUrl} (IMDS {ImdsUrl})")]
    public static partial void EmulatorStarted(this ILogger logger, Uri serviceUrl, Uri imdsUrl);

    [LoggerMessage(EventId = 2, EventName = "MachineOperationFailed", Level = LogLevel.Warning, Message = "Machine operation {Operation} failed for {InstanceId}")]
    public static partial void MachineOperationFailed(this ILogger logger, Exception exception, string operation, string instanceId);

    [LoggerMessage(EventId = 3, EventName = "UnhandledError", Level = LogLevel.Error, Message = "Unhandled error in {Action}")]
    public static partial void UnhandledError(this ILogger logger, Exception exception, string action);
}
