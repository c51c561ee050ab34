using System.Globalization;

namespace Acode.Cli.Output;

/// <summary>Short human durations: <c>240ms</c>, <c>4.5s</c>, <c>45s</c>, <c>12m</c>, <c>3h05m</c>, <c>2d4h</c>.</summary>
internal static class Durations
{
    public static string Format(TimeSpan duration)
    {
        var c = CultureInfo.InvariantCulture;
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        return duration.TotalSeconds < 1 ? string.Format(c, "{0}ms", (int)duration.TotalMilliseconds)
            : duration.TotalSeconds < 10 ? string.Format(c, "{0:0.0}s", Math.Floor(duration.TotalSeconds * 10) / 10)
            : duration.TotalMinutes < 1 ? string.Format(c, "{0}s", (int)duration.TotalSeconds)
            : duration.TotalHours < 1 ? string.Format(c, "{0}m{1:00}s", (int)duration.TotalMinutes, duration.Seconds)
            : duration.TotalDays < 1 ? string.Format(c, "{0}h{1:00}m", (int)duration.TotalHours, duration.Minutes)
            : string.Format(c, "{0}d{1}h", (int)duration.TotalDays, duration.Hours);
    }
}
