using Acode.Infrastructure.Compute.Ec2;
using Amazon;
using Amazon.Runtime;

namespace Acode.UnitTests.Compute.Ec2.Infrastructure;

public sealed class Ec2ClientFactoryTests
{
    private static readonly AWSCredentials Credentials = new BasicAWSCredentials("AKIAEXAMPLE", "secret");

    [Fact]
    public void An_endpoint_url_replaces_the_regional_endpoint_and_the_region_still_signs()
    {
        var factory = new Ec2ClientFactory(TimeSpan.FromSeconds(7));

        using var ec2 = factory.CreateEc2(Credentials, "eu-west-1", "http://127.9.8.7:4566");
        using var ssm = factory.CreateSsm(Credentials, "eu-west-1", "http://127.9.8.7:4566");
        using var sts = factory.CreateSts(Credentials, "eu-west-1", "http://127.9.8.7:4566");

        foreach (var config in new[] { ec2.Config, ssm.Config, sts.Config })
        {
            Assert.Equal("http://127.9.8.7:4566/", config.ServiceURL);
            Assert.Equal("eu-west-1", config.AuthenticationRegion);
            Assert.Equal(RequestRetryMode.Standard, config.RetryMode);
            Assert.Equal(TimeSpan.FromSeconds(7), config.Timeout);
        }
    }

    [Fact]
    public void Without_endpoint_the_region_picks_the_aws_endpoint_in_standard_retry_mode()
    {
        using var ec2 = new Ec2ClientFactory().CreateEc2(Credentials, "us-east-2");

        Assert.Equal(RegionEndpoint.USEast2, ec2.Config.RegionEndpoint);
        Assert.Null(ec2.Config.ServiceURL);
        Assert.Equal(RequestRetryMode.Standard, ec2.Config.RetryMode);
        Assert.Equal(Ec2ClientFactory.DefaultRequestTimeout, ec2.Config.Timeout);
    }

    [Theory]
    [InlineData("127.0.0.1:4566")]
    [InlineData("ftp://127.0.0.1/")]
    public void A_bad_endpoint_url_is_refused(string url)
    {
        Assert.Throws<ArgumentException>(() => new Ec2ClientFactory().CreateEc2(Credentials, "us-east-1", url));
    }
}
