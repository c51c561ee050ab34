using Amazon.EC2.Model;
using Amazon.SecurityToken.Model;
using Amazon.SimpleSystemsManagement.Model;

namespace Acode.Ec2Emulator.Tests;

public sealed class SsmAndStsTests
{
    [Fact]
    public async Task The_public_ami_parameters_resolve_to_images_the_emulator_describes()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var ssm = h.SsmClient();
        var al2 = await ssm.GetParameterAsync(new GetParameterRequest { Name = "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2" });
        Assert.Equal("String", al2.Parameter.Type.Value);
        var image = (await h.Ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [al2.Parameter.Value] })).Images.Single();
        Assert.StartsWith("amzn2-ami-", image.Name, StringComparison.Ordinal);
        Assert.Equal("arn:aws:ssm:us-east-1::parameter/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2", al2.Parameter.ARN);

        var both = await ssm.GetParametersAsync(new GetParametersRequest
        {
            Names = ["/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", "/aws/service/nope"],
        });
        Assert.Equal(EmulatorHarness.AmazonLinux2023, both.Parameters.Single().Value);
        Assert.Equal("/aws/service/nope", both.InvalidParameters.Single());
        await Assert.ThrowsAsync<ParameterNotFoundException>(() => ssm.GetParameterAsync(new GetParameterRequest { Name = "/aws/service/missing" }));
        Assert.Contains(h.Emulator.ActionLog, e => e.Service == "ssm" && e.Action == "GetParameter" && e.AccessKeyId == "test");
    }

    [Theory]
    [InlineData("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64", "al2023-ami-", "arm64", "137112412989")]
    [InlineData("/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64", "x86_64", "099720109477")]
    [InlineData("/aws/service/canonical/ubuntu/server/24.04/stable/current/arm64/hvm/ebs-gp3/ami-id", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64", "arm64", "099720109477")]
    [InlineData("/aws/service/debian/release/12/latest/amd64", "debian-12-amd64-", "x86_64", "136693071363")]
    [InlineData("/aws/service/debian/release/12/latest/arm64", "debian-12-arm64-", "arm64", "136693071363")]
    public async Task Each_publishers_parameter_names_an_image_of_its_architecture_and_owner(string parameter, string namePrefix, string architecture, string owner)
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var ssm = h.SsmClient();

        var id = (await ssm.GetParameterAsync(new GetParameterRequest { Name = parameter })).Parameter.Value;
        var image = (await h.Ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [id] })).Images.Single();

        Assert.StartsWith(namePrefix, image.Name, StringComparison.Ordinal);
        Assert.Equal((architecture, owner), (image.Architecture.Value, image.OwnerId));
    }

    [Fact]
    public async Task Ssm_refuses_a_bad_signature()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var ssm = h.SsmClient(secret: "wrong");
        await AssertEc2.FailsAsync("InvalidSignatureException", () => ssm.GetParameterAsync(new GetParameterRequest { Name = "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2" }));
    }

    [Fact]
    public async Task GetCallerIdentity_reports_the_account_of_the_signing_key()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var sts = h.StsClient();
        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Equal("000000000000", identity.Account);
        Assert.Equal("arn:aws:iam::000000000000:root", identity.Arn);
        using var wrong = h.StsClient(new Amazon.Runtime.BasicAWSCredentials("test", "wrong"));
        await AssertEc2.FailsAsync("SignatureDoesNotMatch", () => wrong.GetCallerIdentityAsync(new GetCallerIdentityRequest()));
    }
}
