using Acode.Cli.CommandLine;
using Acode.Cli.Errors;

namespace Acode.UnitTests.Cli;

public sealed class FlagParsingTests
{
    [Fact]
    public void Tags_are_key_value_pairs_and_a_later_key_wins()
    {
        var tags = TagParser.Parse(["project=demo", "team=build", "project=other", "empty="]);

        Assert.Equal(new Dictionary<string, string> { ["project"] = "other", ["team"] = "build", ["empty"] = string.Empty }, tags);
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=value")]
    public void A_tag_without_a_key_is_a_usage_error_naming_the_flag(string value)
    {
        var error = Assert.Throws<UsageException>(() => TagParser.Parse([value]));

        Assert.Equal("--tag", error.Flag);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_download_splits_at_the_first_colon()
    {
        Assert.Equal(new DownloadSpec("out/report.xml", "./c:/report.xml"), DownloadSpec.Parse("out/report.xml:./c:/report.xml"));
    }

    [Theory]
    [InlineData("report.xml")]
    [InlineData(":local")]
    [InlineData("remote:")]
    public void A_download_needs_both_sides(string value)
    {
        Assert.Equal("--download", Assert.Throws<UsageException>(() => DownloadSpec.Parse(value)).Flag);
    }
}
