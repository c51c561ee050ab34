using Acode.Infrastructure.Compute.Ssh;

namespace Acode.UnitTests.Compute.Ssh;

public sealed class ShellQuoteTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("", "''")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$(rm -rf /) `id` $HOME", "'$(rm -rf /) `id` $HOME'")]
    [InlineData("a\nb", "'a\nb'")]
    [InlineData("''", "''\\'''\\'''")]
    public void Single_quotes_everything_and_escapes_quotes(string value, string quoted) =>
        Assert.Equal(quoted, ShellQuote.Quote(value));

    [Theory]
    [InlineData("PATH", true)]
    [InlineData("_x1", true)]
    [InlineData("1X", false)]
    [InlineData("A-B", false)]
    [InlineData("A B", false)]
    [InlineData("X;rm", false)]
    [InlineData("", false)]
    public void Variable_names_are_checked(string name, bool valid) => Assert.Equal(valid, ShellQuote.IsValidVariableName(name));

    [Fact]
    public void Wrapper_prints_the_group_id_first_and_quotes_directory_and_values()
    {
        var script = RemoteCommandBuilder.Wrap("make test", "/w/it's here", new Dictionary<string, string> { ["K"] = "v'$(x)" }, hasStandardInput: false);

        var lines = script.Split('\n');
        Assert.Equal("printf '%s\\n' \"$$\" && cd -- '/w/it'\\''s here' || exit 126", lines[0]);
        Assert.Equal("export K='v'\\''$(x)'", lines[1]);
        Assert.Equal("exec </dev/null", lines[2]);
        Assert.Equal("make test", lines[3]);
    }

    [Fact]
    public void Wrapper_rejects_an_invalid_variable_name() =>
        Assert.Throws<ArgumentException>(() => RemoteCommandBuilder.Wrap("true", "/", new Dictionary<string, string> { ["A;B"] = "x" }, true));

    [Fact]
    public void Kill_targets_the_negative_group_id() =>
        Assert.Contains("kill -TERM -- -4242", RemoteCommandBuilder.KillProcessGroup(4242), StringComparison.Ordinal);
}
