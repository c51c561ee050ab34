using Acode.Application.Configuration;

namespace Acode.UnitTests.Configuration;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("1h30m", 5400)]
    [InlineData("0s", 0)]
    [InlineData(" 1.5h ", 5400)]
    public void Durations_with_a_unit_parse(string text, int seconds)
    {
        Assert.True(DurationText.TryParse(text, out var value, out var error), error);
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Fact]
    public void Milliseconds_parse()
    {
        Assert.True(DurationText.TryParse("250ms", out var value, out _));
        Assert.Equal(TimeSpan.FromMilliseconds(250), value);
    }

    [Theory]
    [InlineData("2", "add a unit, e.g. 2s, 2m, 2h or 2d")]
    [InlineData("0", "add a unit")]
    [InlineData("1.5", "add a unit")]
    [InlineData("-5m", "must not be negative")]
    [InlineData("-2", "expected a duration like")]
    [InlineData("--mode", "expected a duration like")]
    [InlineData("", "expected a duration like")]
    [InlineData("5 minutes", "expected a duration like")]
    [InlineData("m5", "expected a duration like")]
    [InlineData("2x", "units ms, s, m, h, d")]
    [InlineData("99999999999999d", "expected a duration like")]
    public void Other_text_is_refused_with_what_to_write(string text, string expected)
    {
        Assert.False(DurationText.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7200, "2h")]
    [InlineData(86400, "1d")]
    [InlineData(5400, "90m")]
    [InlineData(1, "1s")]
    [InlineData(0, "0s")]
    public void Formats_in_the_largest_exact_unit(int seconds, string expected)
    {
        var text = DurationText.Format(TimeSpan.FromSeconds(seconds));

        Assert.Equal(expected, text);
        Assert.True(DurationText.TryParse(text, out var back, out _));
        Assert.Equal(TimeSpan.FromSeconds(seconds), back);
    }
}
