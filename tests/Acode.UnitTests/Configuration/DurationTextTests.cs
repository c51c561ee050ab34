using Acode.Application.Configuration;

namespace Acode.UnitTests.Configuration;

/// <summary>Durations need a unit; a bare number is refused with a hint.</summary>
public sealed class DurationTextTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("2h", 7200)]
    [InlineData("1h30m", 5400)]
    [InlineData("1d", 86400)]
    [InlineData("0s", 0)]
    [InlineData(" 90s ", 90)]
    public void Durations_parse(string text, int seconds)
    {
        Assert.True(DurationText.TryParse(text, out var value, out var error), error);
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("45", "add a unit: 45s, 45m, 45h or 45d")]
    [InlineData("2.5", "add a unit: 2.5s, 2.5m, 2.5h or 2.5d")]
    [InlineData("5 minutes", "must be a duration like 90s")]
    [InlineData("m5", "must be a duration like 90s")]
    [InlineData("", "must be a duration like 90s")]
    public void Non_durations_do_not_parse_and_say_why(string text, string expected)
    {
        Assert.False(DurationText.TryParse(text, out _, out var error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7200, "2h")]
    [InlineData(900, "15m")]
    [InlineData(90, "90s")]
    [InlineData(0.25, "250ms")]
    public void Format_uses_the_largest_exact_unit_and_reads_back(double seconds, string expected)
    {
        var text = DurationText.Format(TimeSpan.FromSeconds(seconds));

        Assert.Equal(expected, text);
        Assert.True(DurationText.TryParse(text, out var back, out _));
        Assert.Equal(TimeSpan.FromSeconds(seconds), back);
    }
}
