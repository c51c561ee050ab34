using System.Globalization;

namespace Acode.Cli.Output;

/// <summary>Short human durations: <c>45s</c>, <c>12m</c>, <c>3h05m</c>, <c>2d4h</c>.</summary>
internal static class Durations
{
    public static string Format(TimeSpan duration)
    {
        var c = CultureInfo.InvariantCulture;
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        return duration.TotalMinutes < 1 ? string.Format(c, "{0}s", (int)duration.TotalSeconds)
            : duration.TotalHours < 1 ? string.Format(c, "{0}m{1:00}s", (int)duration.TotalMinutes, duration.Seconds)
            : duration.TotalDays < 1 ? string.Format(c, "{0}h{1:00}m", (int)duration.TotalHours, duration.Minutes)
            : string.Format(c, "{0}d{1}h", (int)duration.TotalDays, duration.Hours);
    }
}
