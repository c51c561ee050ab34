using Acode.Infrastructure.Compute.Ec2.Spot;

namespace Acode.UnitTests.Compute.Ec2.Spot;

/// <summary>The parser of the IMDS read: a notice, no notice (404), or a failed read.</summary>
public sealed class SpotInstanceActionTests
{
    [Theory]
    [InlineData("{\"action\": \"terminate\", \"time\": \"2017-09-18T08:22:00Z\"}\n200\n", "terminate", "2017-09-18T08:22:00Z")]
    [InlineData("{\"action\":\"stop\",\"time\":\"2026-01-02T03:04:05Z\"}\n200", "stop", "2026-01-02T03:04:05Z")]
    [InlineData("{\"action\":\"hibernate\",\"time\":\"2026-01-02T03:04:05Z\"}\r\n200\r\n", "hibernate", "2026-01-02T03:04:05Z")]
    public void A_notice_gives_action_and_utc_time(string output, string action, string time)
    {
        var notice = SpotInstanceAction.Parse(output);

        Assert.Equal((action, DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture)), notice);
        Assert.Equal(TimeSpan.Zero, notice!.Value.Time.Offset);
    }

    [Fact]
    public void A_404_is_no_notice() => Assert.Null(SpotInstanceAction.Parse("<?xml version=\"1.0\"?><Error>Not Found</Error>\n404"));

    [Theory]
    [InlineData("")]
    [InlineData("\n000")]
    [InlineData("Unauthorized\n401")]
    [InlineData("not json\n200")]
    [InlineData("{\"action\":\"terminate\"}\n200")]
    public void Anything_else_is_a_failed_read(string output) => Assert.Throws<FormatException>(() => SpotInstanceAction.Parse(output));

    [Fact]
    public void The_command_honours_the_metadata_endpoint_variable_and_asks_for_an_imdsv2_token()
    {
        Assert.Contains("${AWS_EC2_METADATA_SERVICE_ENDPOINT:-http://169.254.169.254}", SpotInstanceAction.Command, StringComparison.Ordinal);
        Assert.Contains("-X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 60' \"$e/latest/api/token\"", SpotInstanceAction.Command, StringComparison.Ordinal);
        Assert.EndsWith("\"$e/latest/meta-data/spot/instance-action\"", SpotInstanceAction.Command, StringComparison.Ordinal);
    }
}
