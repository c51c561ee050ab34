using System.Globalization;
using System.Text.RegularExpressions;

namespace Acode.Application.Configuration;

/// <summary>
/// Durations as people write them in configuration and flags: <c>500ms</c>, <c>90s</c>, <c>15m</c>, <c>2h</c>,
/// <c>1d</c> and combinations like <c>1h30m</c>. A bare number is refused: <c>2</c> could mean seconds or hours.
/// </summary>
public static partial class DurationText
{
    /// <summary>Parses a duration; false with a message for people in <paramref name="error"/> when the text is not one.</summary>
    public static bool TryParse(string text, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.Zero;
        error = string.Empty;
        var trimmed = text?.Trim() ?? string.Empty;
        if (decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            error = $"add a unit: {trimmed}s, {trimmed}m, {trimmed}h or {trimmed}d";
            return false;
        }

        if (!Pattern().IsMatch(trimmed))
        {
            error = "must be a duration like 90s, 15m, 2h or 1d (units ms, s, m, h, d; combined like 1h30m)";
            return false;
        }

        var total = 0m;
        foreach (Match part in Part().Matches(trimmed))
        {
            var value = decimal.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
            total += part.Groups["u"].Value switch
            {
                "ms" => value / 1000m,
                "s" => value,
                "m" => value * 60m,
                "h" => value * 3600m,
                _ => value * 86400m,
            };
        }

        duration = TimeSpan.FromMilliseconds((double)(total * 1000m));
        return true;
    }

    /// <summary>Formats a duration in the largest unit that divides it exactly: <c>2h</c>, <c>5m</c>, <c>30s</c>, <c>250ms</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        if (duration.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return (duration.Ticks / TimeSpan.TicksPerHour).ToString(CultureInfo.InvariantCulture) + "h";
        }

        if (duration.Ticks % TimeSpan.TicksPerMinute == 0)
        {
            return (duration.Ticks / TimeSpan.TicksPerMinute).ToString(CultureInfo.InvariantCulture) + "m";
        }

        return duration.Ticks % TimeSpan.TicksPerSecond == 0
            ? (duration.Ticks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture) + "s"
            : duration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
    }

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(ms|s|m|h|d))+$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"(?<n>[0-9]+(\.[0-9]+)?)(?<u>ms|s|m|h|d)")]
    private static partial Regex Part();
}
