using System.Text.RegularExpressions;

namespace Acode.Infrastructure.Compute.Ec2.UserData;

/// <summary>
/// Settings of the instance-side dead-man switch: the instance shuts itself down (and, launched with
/// <c>InstanceInitiatedShutdownBehavior=terminate</c>, terminates) when the client's heartbeat stops for
/// <see cref="HeartbeatTimeout"/>, and in any case after <see cref="MaxLifetime"/>.
/// </summary>
public sealed partial record DeadManSwitchOptions
{
    /// <summary>The longest poll interval: the switch fires at most this late.</summary>
    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(200);

    private readonly TimeSpan? _pollInterval;

    /// <summary>Initializes a new instance of the <see cref="DeadManSwitchOptions"/> class.</summary>
    /// <param name="sessionId">The acode session id; names the default heartbeat file.</param>
    /// <param name="maxLifetime">Hard cap on the instance's life, counted from when the switch starts at boot.</param>
    /// <param name="heartbeatTimeout">How long without a heartbeat before the instance shuts down.</param>
    /// <exception cref="ArgumentOutOfRangeException">A duration is under one second.</exception>
    public DeadManSwitchOptions(string sessionId, TimeSpan maxLifetime, TimeSpan heartbeatTimeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLifetime, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(heartbeatTimeout, TimeSpan.FromSeconds(1));
        SessionId = sessionId;
        MaxLifetime = maxLifetime;
        HeartbeatTimeout = heartbeatTimeout;
        HeartbeatFilePath = "/var/tmp/acode-heartbeat-" + UnsafeFileNameCharacters().Replace(sessionId, "-");
    }

    /// <summary>Gets the acode session id.</summary>
    public string SessionId { get; }

    /// <summary>Gets the hard cap on the instance's life.</summary>
    public TimeSpan MaxLifetime { get; }

    /// <summary>Gets how long without a heartbeat before the instance shuts down.</summary>
    public TimeSpan HeartbeatTimeout { get; }

    /// <summary>
    /// Gets the file whose modification time is the heartbeat. Default <c>/var/tmp/acode-heartbeat-&lt;session&gt;</c>:
    /// /var/tmp survives reboots, any SSH user may create files there, and the root-run switch only reads its mtime,
    /// so a link planted there cannot make root write anywhere.
    /// </summary>
    public string HeartbeatFilePath { get; init; }

    /// <summary>Gets how often the switch looks: min(timeout / 4, 30 s) unless set, never under 200 ms.</summary>
    public TimeSpan PollInterval
    {
        get
        {
            var interval = _pollInterval ?? TimeSpan.FromTicks(Math.Min(HeartbeatTimeout.Ticks / 4, MaxPollInterval.Ticks));
            return interval < MinPollInterval ? MinPollInterval : interval;
        }

        init => _pollInterval = value;
    }

    /// <summary>Gets the interval at which the client should heartbeat: a third of the timeout, so two may be lost.</summary>
    public TimeSpan RecommendedHeartbeatInterval => HeartbeatTimeout / 3;

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeFileNameCharacters();
}
