using System.Globalization;
using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Tagging;

namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>
/// The orphan rule (FR-072..075), pure: an instance is an orphan when it carries <c>acode=true</c>, is pending, running,
/// stopping or stopped, and was launched at least the threshold ago or is past its <c>acode:expires-at</c>, unless
/// its <c>acode:session</c> is known to be alive on this machine and the sweep is not forced.
/// </summary>
public static class Ec2OrphanRules
{
    /// <summary>Whether the tags mark the resource as acode's: exactly <c>acode=true</c>.</summary>
    public static bool IsAcode(IReadOnlyDictionary<string, string> tags) =>
        tags.TryGetValue(Ec2TagKeys.Acode, out var value) && string.Equals(value, Ec2TagKeys.AcodeValue, StringComparison.Ordinal);

    /// <summary>Whether an instance in this state still costs money and is not already going away.</summary>
    public static bool IsActive(Ec2InstanceState state) =>
        state is Ec2InstanceState.Pending or Ec2InstanceState.Running or Ec2InstanceState.Stopping or Ec2InstanceState.Stopped;

    /// <summary>The <c>acode:expires-at</c> time, when the tag is present and well formed.</summary>
    public static DateTimeOffset? ExpiresAt(IReadOnlyDictionary<string, string> tags) =>
        tags.TryGetValue(Ec2TagKeys.ExpiresAt, out var text) && Ec2Tags.TryParseTimestamp(text, out var expiry) ? expiry : null;

    /// <summary>The <c>acode:session</c> tag, or null.</summary>
    public static string? SessionId(IReadOnlyDictionary<string, string> tags) =>
        tags.TryGetValue(Ec2TagKeys.Session, out var session) && !string.IsNullOrWhiteSpace(session) ? session : null;

    /// <summary>Decides whether <paramref name="instance"/> is an orphan at <paramref name="now"/>.</summary>
    /// <param name="instance">The instance as DescribeInstances showed it.</param>
    /// <param name="now">The current time.</param>
    /// <param name="threshold">The minimum age of an orphan; zero makes every acode instance old enough.</param>
    /// <param name="isSessionAlive">Whether a session is alive locally; null when nothing is known to be alive.</param>
    /// <param name="force">Ignore live sessions.</param>
    public static Ec2OrphanVerdict Evaluate(
        Ec2InstanceInfo instance, DateTimeOffset now, TimeSpan threshold, Func<string, bool>? isSessionAlive = null, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (!IsAcode(instance.Tags))
        {
            return new(Ec2OrphanReasons.None, Ec2KeepReason.NotAcode, $"not tagged {Ec2TagKeys.Acode}={Ec2TagKeys.AcodeValue}");
        }

        if (!IsActive(instance.State))
        {
            return new(Ec2OrphanReasons.None, Ec2KeepReason.NotActive, $"already {StateName(instance.State)}");
        }

        var age = now - instance.LaunchTime;
        var expiry = ExpiresAt(instance.Tags);
        var reasons = Ec2OrphanReasons.None;
        var parts = new List<string>();
        if (age >= threshold)
        {
            reasons |= Ec2OrphanReasons.OlderThanThreshold;
            parts.Add($"launched {FormatDuration(age)} ago (threshold {FormatDuration(threshold)})");
        }

        if (expiry is { } expires && expires <= now)
        {
            reasons |= Ec2OrphanReasons.PastExpiry;
            parts.Add($"expired {FormatDuration(now - expires)} ago ({Ec2TagKeys.ExpiresAt} {Ec2Tags.FormatTimestamp(expires)})");
        }

        if (reasons == Ec2OrphanReasons.None)
        {
            var until = expiry is { } e ? $", expires {Ec2Tags.FormatTimestamp(e)}" : string.Empty;
            return new(reasons, Ec2KeepReason.Fresh, $"launched {FormatDuration(age)} ago (threshold {FormatDuration(threshold)}){until}");
        }

        if (!force && SessionId(instance.Tags) is { } session && isSessionAlive is not null && isSessionAlive(session))
        {
            return new(reasons, Ec2KeepReason.LiveSession, $"session {session} is alive on this machine");
        }

        return new(reasons, Ec2KeepReason.None, string.Join("; ", parts));
    }

    /// <summary>EC2's name of a state (<c>shutting-down</c>, <c>running</c>, ...).</summary>
    public static string StateName(Ec2InstanceState state) => state switch
    {
        Ec2InstanceState.ShuttingDown => "shutting-down",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>A short duration for people: <c>3h 5m</c>, <c>42s</c>, <c>2d 1h</c>.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        var sign = duration < TimeSpan.Zero ? "-" : string.Empty;
        duration = duration.Duration();
        var text = duration switch
        {
            { TotalDays: >= 1 } => $"{(int)duration.TotalDays}d {duration.Hours}h",
            { TotalHours: >= 1 } => $"{duration.Hours}h {duration.Minutes}m",
            { TotalMinutes: >= 1 } => $"{duration.Minutes}m {duration.Seconds}s",
            _ => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalSeconds}s"),
        };
        return sign + text;
    }
}
