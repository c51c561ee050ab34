using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>
/// The local liveness record of EC2 sessions, one small JSON file per session under
/// <c>$XDG_STATE_HOME/acode/sessions</c> (else <c>~/.local/state/acode/sessions</c>). The EC2 target registers its
/// session before creating anything, heartbeats it while it works (<see cref="StartHeartbeat"/>) and removes it at
/// teardown; the orphan sweep skips instances whose <c>acode:session</c> is alive here. Alive = the file is present,
/// its process runs with the same start time, and the heartbeat is younger than <see cref="StaleAfter"/>.
/// </summary>
public sealed partial class Ec2SessionRegistry
{
    // Two reads of the same process's start time can differ by clock arithmetic; a recycled pid is never this close.
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(2);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="Ec2SessionRegistry"/> class.</summary>
    /// <param name="directory">The sessions folder; see <see cref="DefaultDirectory"/>.</param>
    /// <param name="timeProvider">The clock for heartbeats.</param>
    /// <param name="staleAfter">Heartbeat age after which a session is dead; <see cref="Ec2OrphanDefaults.SessionStaleAfter"/> when null.</param>
    public Ec2SessionRegistry(string directory, TimeProvider timeProvider, TimeSpan? staleAfter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        StaleAfter = staleAfter ?? Ec2OrphanDefaults.SessionStaleAfter;
    }

    /// <summary>The sessions folder.</summary>
    public string Directory { get; }

    /// <summary>Heartbeat age after which a session counts as dead.</summary>
    public TimeSpan StaleAfter { get; }

    /// <summary>
    /// The default folder: <c>$XDG_STATE_HOME/acode/sessions</c> when that variable holds an absolute path, else
    /// <c>~/.local/state/acode/sessions</c>.
    /// </summary>
    public static string DefaultDirectory(Func<string, string?>? getEnvironmentVariable = null)
    {
        var state = (getEnvironmentVariable ?? Environment.GetEnvironmentVariable)("XDG_STATE_HOME");
        var root = !string.IsNullOrWhiteSpace(state) && Path.IsPathRooted(state)
            ? state
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return Path.Combine(root, "acode", "sessions");
    }

    /// <summary>Whether a text can be a session id (and so a file name): letters, digits, <c>.</c>, <c>_</c>, <c>-</c>.</summary>
    public static bool IsValidSessionId(string? sessionId) => sessionId is not null && SessionIdPattern().IsMatch(sessionId);

    /// <summary>Registers (or updates) this process's session; call before creating any resource.</summary>
    /// <param name="sessionId">The session id (the <c>acode:session</c> tag).</param>
    /// <param name="region">The region.</param>
    /// <param name="instanceId">The instance, once known (call again to add it).</param>
    public Ec2SessionRecord Register(string sessionId, string region, string? instanceId = null)
    {
        var path = PathFor(sessionId) ?? throw new ArgumentException($"'{sessionId}' is not a valid session id.", nameof(sessionId));
        using var self = Process.GetCurrentProcess();
        var now = _time.GetUtcNow();
        var existing = Read(path);
        var record = new Ec2SessionRecord
        {
            SessionId = sessionId,
            ProcessId = Environment.ProcessId,
            ProcessStartTime = new DateTimeOffset(self.StartTime.ToUniversalTime()),
            Region = region,
            InstanceId = instanceId ?? existing?.InstanceId,
            RegisteredAt = existing?.RegisteredAt ?? now,
            HeartbeatAt = now,
        };
        Write(path, record);
        return record;
    }

    /// <summary>Refreshes the heartbeat; false when the session is not registered.</summary>
    public bool Heartbeat(string sessionId)
    {
        var path = PathFor(sessionId);
        if (path is null || Read(path) is not { } record)
        {
            return false;
        }

        Write(path, record with { HeartbeatAt = _time.GetUtcNow() });
        return true;
    }

    /// <summary>Removes the session's record; removing a missing one is fine.</summary>
    public void Remove(string sessionId)
    {
        if (PathFor(sessionId) is { } path)
        {
            File.Delete(path);
        }
    }

    /// <summary>The session's record, or null when there is none (or it cannot be read).</summary>
    public Ec2SessionRecord? Find(string sessionId) => PathFor(sessionId) is { } path ? Read(path) : null;

    /// <summary>Whether the session is alive on this machine: registered, its process running, its heartbeat recent.</summary>
    public bool IsAlive(string sessionId)
    {
        if (Find(sessionId) is not { } record)
        {
            return false;
        }

        return _time.GetUtcNow() - record.HeartbeatAt <= StaleAfter && IsRunning(record.ProcessId, record.ProcessStartTime);
    }

    /// <summary>Heartbeats the session every <paramref name="interval"/> until disposed; disposing removes the record.</summary>
    public Ec2SessionHeartbeat StartHeartbeat(string sessionId, TimeSpan? interval = null) =>
        new(this, sessionId, interval ?? Ec2OrphanDefaults.HeartbeatInterval, _time);

    private static bool IsRunning(int processId, DateTimeOffset startTime)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            var started = new DateTimeOffset(process.StartTime.ToUniversalTime());
            return !process.HasExited && (started - startTime).Duration() <= StartTimeTolerance;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // No such process (or not ours to inspect): not alive.
            return false;
        }
    }

    private string? PathFor(string sessionId) => IsValidSessionId(sessionId) ? Path.Combine(Directory, sessionId + ".json") : null;

    private static Ec2SessionRecord? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Ec2SessionRecord>(File.ReadAllText(path), Json);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            // Missing, half-written by hand or unreadable: not a live session.
            return null;
        }
    }

    private void Write(string path, Ec2SessionRecord record)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // Write-then-rename, so a reader never sees half a file.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(record, Json));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex SessionIdPattern();
}
