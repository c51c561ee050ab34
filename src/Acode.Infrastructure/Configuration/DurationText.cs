using System.Globalization;
using System.Text.RegularExpressions;

namespace Acode.Infrastructure.Configuration;

/// <summary>Durations in configuration: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>2h</c>, combinations like <c>1h30m</c>, or a plain number of seconds.</summary>
public static partial class DurationText
{
    /// <summary>Parses a duration; false when the text is not one.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            duration = TimeSpan.FromMilliseconds((double)(seconds * 1000m));
            return true;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var total = 0m;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unitMatch = Part().Match(part.Value);
            var value = decimal.Parse(unitMatch.Groups["n"].Value, CultureInfo.InvariantCulture);
            total += unitMatch.Groups["u"].Value switch
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

    [GeneratedRegex(@"^(?<part>[0-9]+(\.[0-9]+)?(ms|s|m|h|d))+$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?)(?<u>ms|s|m|h|d)$")]
    private static partial Regex Part();
}
