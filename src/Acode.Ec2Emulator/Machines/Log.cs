using System.Net;
using Microsoft.Extensions.Logging;

namespace Acode.Ec2Emulator.Machines;

/// <summary>The machines' log messages. User data and keys never appear: they may hold secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, EventName = "MachineBooted", Level = LogLevel.Information,
        Message = "Machine {InstanceId} booted: sshd {Pid} on {Address}:{Port} in {ElapsedMs} ms (first boot: {FirstBoot})")]
    public static partial void MachineBooted(this ILogger logger, string instanceId, int pid, IPAddress address, int port, long elapsedMs, bool firstBoot);

    [LoggerMessage(EventId = 101, EventName = "MachineHalted", Level = LogLevel.Information,
        Message = "Machine {InstanceId} halted ({Killed} processes killed)")]
    public static partial void MachineHalted(this ILogger logger, string instanceId, int killed);

    [LoggerMessage(EventId = 102, EventName = "MachineDestroyed", Level = LogLevel.Information, Message = "Machine {InstanceId} destroyed")]
    public static partial void MachineDestroyed(this ILogger logger, string instanceId);

    [LoggerMessage(EventId = 103, EventName = "UserDataStarted", Level = LogLevel.Information,
        Message = "Machine {InstanceId} runs {Scripts} user-data script(s)")]
    public static partial void UserDataStarted(this ILogger logger, string instanceId, int scripts);

    [LoggerMessage(EventId = 104, EventName = "ShutdownRequested", Level = LogLevel.Information,
        Message = "Machine {InstanceId} asked to power off")]
    public static partial void ShutdownRequested(this ILogger logger, string instanceId);

    [LoggerMessage(EventId = 105, EventName = "ShutdownHandlerFailed", Level = LogLevel.Error,
        Message = "A ShutdownRequested handler of machine {InstanceId} failed")]
    public static partial void ShutdownHandlerFailed(this ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(EventId = 106, EventName = "SshdPortTaken", Level = LogLevel.Warning,
        Message = "Machine {InstanceId}: port {Port} on {Address} was taken meanwhile, retrying on another port")]
    public static partial void SshdPortTaken(this ILogger logger, string instanceId, IPAddress address, int port);

    [LoggerMessage(EventId = 107, EventName = "HostStopped", Level = LogLevel.Information,
        Message = "Machine host {Nonce} stopped ({Killed} leftover processes killed)")]
    public static partial void HostStopped(this ILogger logger, string nonce, int killed);
}
