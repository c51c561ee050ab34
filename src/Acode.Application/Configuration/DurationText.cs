using System.Globalization;
using System.Text.RegularExpressions;

namespace Acode.Application.Configuration;

/// <summary>
/// Durations as users write them: <c>500ms</c>, <c>90s</c>, <c>15m</c>, <c>2h</c>, <c>1d</c>, or combinations like
/// <c>1h30m</c>. A bare number is refused, since <c>--older-than 2</c> could mean seconds, minutes or hours.
/// </summary>
public static partial class DurationText
{
    /// <summary>The examples every message shows.</summary>
    public const string Examples = "90s, 15m, 2h or 1d";

    /// <summary>
    /// Parses a duration that carries its unit and is not negative; otherwise false, with <paramref name="error"/>
    /// saying what is wrong and how to write it (without the flag or key and the text, which the caller adds).
    /// </summary>
    public static bool TryParse(string? text, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.Zero;
        error = string.Empty;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = $"expected a duration like {Examples}";
            return false;
        }

        if (trimmed.StartsWith('-') && TrySum(trimmed[1..], out _))
        {
            error = "must not be negative";
            return false;
        }

        if (decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            error = $"add a unit, e.g. {trimmed}s, {trimmed}m, {trimmed}h or {trimmed}d";
            return false;
        }

        if (!TrySum(trimmed, out duration))
        {
            error = $"expected a duration like {Examples} (units ms, s, m, h, d; combined like 1h30m)";
            return false;
        }

        return true;
    }

    /// <summary>Formats a duration in the largest unit that divides it exactly: <c>1d</c>, <c>2h</c>, <c>5m</c>, <c>30s</c>, <c>250ms</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var c = CultureInfo.InvariantCulture;
        if (duration > TimeSpan.Zero && duration.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return (duration.Ticks / TimeSpan.TicksPerDay).ToString(c) + "d";
        }

        if (duration.Ticks % TimeSpan.TicksPerHour == 0 && duration != TimeSpan.Zero)
        {
            return (duration.Ticks / TimeSpan.TicksPerHour).ToString(c) + "h";
        }

        if (duration.Ticks % TimeSpan.TicksPerMinute == 0 && duration != TimeSpan.Zero)
        {
            return (duration.Ticks / TimeSpan.TicksPerMinute).ToString(c) + "m";
        }

        return duration.Ticks % TimeSpan.TicksPerSecond == 0
            ? (duration.Ticks / TimeSpan.TicksPerSecond).ToString(c) + "s"
            : duration.TotalMilliseconds.ToString(c) + "ms";
    }

    // Sums the unit parts of text like 1h30m; false when it is not made of them or is too long for a TimeSpan.
    private static bool TrySum(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var totalSeconds = 0m;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unitMatch = Part().Match(part.Value);
            if (!decimal.TryParse(unitMatch.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            var factor = unitMatch.Groups["u"].Value switch
            {
                "ms" => 0.001m,
                "s" => 1m,
                "m" => 60m,
                "h" => 3600m,
                _ => 86400m,
            };
            if (value > (decimal)TimeSpan.MaxValue.TotalSeconds / factor)
            {
                return false;
            }

            totalSeconds += value * factor;
        }

        if (totalSeconds >= (decimal)TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)(totalSeconds * TimeSpan.TicksPerSecond));
        return true;
    }

    [GeneratedRegex(@"^(?<part>[0-9]+(\.[0-9]+)?(ms|s|m|h|d))+$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?)(?<u>ms|s|m|h|d)$")]
    private static partial Regex Part();
}
