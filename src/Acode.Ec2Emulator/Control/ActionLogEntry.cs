namespace Acode.Ec2Emulator.Control;

/// <summary>One call the emulator received: service, action, the caller's access key, when, and the error code if it failed.</summary>
public sealed record ActionLogEntry(string Service, string Action, string? AccessKeyId, DateTimeOffset Time, string? ErrorCode);
