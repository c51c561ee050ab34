namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>
/// One live acode session on this machine, as stored in <c>&lt;state dir&gt;/acode/sessions/&lt;session-id&gt;.json</c>: the
/// process that owns it (pid and start time, so a recycled pid does not count), what it launched, and its last heartbeat.
/// </summary>
public sealed record Ec2SessionRecord
{
    /// <summary>The session id (the instance's <c>acode:session</c> tag).</summary>
    public required string SessionId { get; init; }

    /// <summary>The owning process id.</summary>
    public required int ProcessId { get; init; }

    /// <summary>When the owning process started (UTC), to tell it from a later process that got the same pid.</summary>
    public required DateTimeOffset ProcessStartTime { get; init; }

    /// <summary>The region the session works in.</summary>
    public required string Region { get; init; }

    /// <summary>The instance, once launched.</summary>
    public string? InstanceId { get; init; }

    /// <summary>When the record was first written.</summary>
    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>The last heartbeat.</summary>
    public required DateTimeOffset HeartbeatAt { get; init; }
}
