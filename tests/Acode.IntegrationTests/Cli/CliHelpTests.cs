namespace Acode.IntegrationTests.Cli;

/// <summary>Every command's --help has a description and an example.</summary>
public sealed class CliHelpTests
{
    [Theory]
    [InlineData("", "acode exec --emulator -- uname -a")]
    [InlineData("target", "acode target list")]
    [InlineData("target add", "acode target add ec2 --region us-west-2")]
    [InlineData("target add ec2", "acode target add ec2 --region us-west-2 --instance-type t3.medium --ami ami-0c55b159cbfafe1f0")]
    [InlineData("target list", "acode target list --output json")]
    [InlineData("target remove ec2", "acode target remove ec2")]
    [InlineData("target test ec2", "acode target test ec2 --dry-run")]
    [InlineData("target ec2", "acode target ec2 list --mode burst")]
    [InlineData("target ec2 list", "acode target ec2 list --all-regions --output json")]
    [InlineData("target ec2 cleanup", "acode target ec2 cleanup --older-than 30m --yes")]
    [InlineData("target ec2 stop", "acode target ec2 stop i-0123456789abcdef0")]
    [InlineData("target ec2 start", "acode target ec2 start i-0123456789abcdef0")]
    [InlineData("target ec2 terminate", "acode target ec2 terminate i-0123456789abcdef0")]
    [InlineData("target ec2 cost", "acode target ec2 cost --instance-type t3.medium --hours 2")]
    [InlineData("target ec2 recommend", "acode target ec2 recommend --cpus 4 --memory 16")]
    [InlineData("exec", "acode exec --emulator -- uname -a")]
    [InlineData("emulator", "acode emulator --port 4566")]
    public async Task Help_shows_a_description_and_an_example(string command, string example)
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Description:", result.Out, StringComparison.Ordinal);
        Assert.Contains("Examples:", result.Out, StringComparison.Ordinal);
        Assert.Contains(example, result.Out, StringComparison.Ordinal);
    }
}
