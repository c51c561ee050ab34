using Acode.Cli.Errors;

namespace Acode.UnitTests.Cli;

public sealed class AwsErrorHintsTests
{
    [Theory]
    [InlineData("InvalidAMIID.NotFound", "ec2Target.ami")]
    [InlineData("InvalidAMIID.Malformed", "ec2Target.ami")]
    [InlineData("InvalidGroupId.Malformed", "malformed")]
    [InlineData("InvalidGroup.NotFound", "does not exist")]
    [InlineData("UnauthorizedOperation", "IAM policy")]
    public void A_star_matches_every_code_under_its_prefix_and_exact_codes_match_exactly(string code, string expected)
    {
        Assert.Contains(expected, AwsErrorHints.For(code), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("InvalidAMIID")]
    [InlineData("UnauthorizedOperationX")]
    [InlineData("SomethingNew")]
    [InlineData("")]
    [InlineData(null)]
    public void Codes_outside_the_table_have_no_hint(string? code) => Assert.Null(AwsErrorHints.For(code));

    [Fact]
    public void The_docs_list_every_code_of_the_table()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "cli.md"));

        Assert.All(AwsErrorHints.All, row => Assert.Contains($"| `{row.Code}` | {row.Hint} |", docs, StringComparison.Ordinal));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Acode.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (Acode.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
