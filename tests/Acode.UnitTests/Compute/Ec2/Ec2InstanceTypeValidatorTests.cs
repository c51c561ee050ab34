using Acode.Application.Compute.Ec2.Catalog;

namespace Acode.UnitTests.Compute.Ec2;

/// <summary>UT-003: valid and invalid instance types with the expected message.</summary>
public sealed class Ec2InstanceTypeValidatorTests
{
    public static TheoryData<string, string> Invalid => new()
    {
        { "t3medium", "\"t3medium\" is not an instance type name (expected family.size, e.g. t3.medium) (did you mean t3.medium, t3a.medium?)" },
        { "T3.Medium", "\"T3.Medium\" is not an instance type name (expected family.size, e.g. t3.medium) (did you mean t3.medium, t3a.medium?)" },
        { "", "\"\" is not an instance type name (expected family.size, e.g. t3.medium)" },
        { "c5.", "\"c5.\" is not an instance type name (expected family.size, e.g. t3.medium) (did you mean c5.large, c5.xlarge, c5.2xlarge?)" },
        { "c5", "\"c5\" is not an instance type name (expected family.size, e.g. t3.medium) (did you mean c5.large, c5.xlarge, c5.2xlarge?)" },
        { "q9.large", "unknown instance family \"q9\"" },
        { "c55.large", "unknown instance family \"c55\" (did you mean c5.large, c5a.large, c5d.large?)" },
        { "t3.huge", "unknown size \"huge\" for family t3" },
        { "t3.lage", "unknown size \"lage\" for family t3 (did you mean t3.large?)" },
        { "mac2.metal", "mac2.metal is an EC2 Mac instance; Mac instances need dedicated hosts and are out of scope" },
        { "mac1.metal", "mac1.metal is an EC2 Mac instance; Mac instances need dedicated hosts and are out of scope" },
    };

    [Theory]
    [InlineData("t3.micro")]
    [InlineData("t3.medium")]
    [InlineData("m5.large")]
    [InlineData("c5.large")]
    [InlineData("r5.large")]
    [InlineData("g4dn.xlarge")]
    [InlineData("m6a.large")]
    [InlineData("c7i-flex.large")]
    public void Valid_types_pass(string type)
    {
        var check = Ec2InstanceTypeValidator.Check(type, "us-east-1");

        Assert.True(check.IsValid, string.Join("; ", check.Errors));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_types_give_their_message(string type, string expected)
    {
        var check = Ec2InstanceTypeValidator.Check(type, "us-east-1");

        Assert.False(check.IsValid);
        Assert.Equal(expected, Assert.Single(check.Errors));
    }

    [Fact]
    public void A_type_not_offered_in_the_zone_is_refused_with_offered_neighbours()
    {
        var offered = new HashSet<string> { "t3.micro", "c5.xlarge", "c5.2xlarge" };

        var check = Ec2InstanceTypeValidator.Check("c5.large", "us-west-2", offered, "us-west-2a");

        Assert.Equal(["c5.large is not offered in us-west-2a (did you mean c5.xlarge, c5.2xlarge?)"], check.Errors);
        Assert.Equal(["c5.xlarge", "c5.2xlarge"], check.Suggestions);
    }

    [Fact]
    public void A_live_offering_makes_an_uncatalogued_type_valid_but_unpriced()
    {
        var check = Ec2InstanceTypeValidator.Check("m6a.large", "us-east-1", new HashSet<string> { "m6a.large" });

        Assert.True(check.IsValid);
        Assert.Equal(["m6a.large is not in acode's offline catalogue: no price estimate is available offline"], check.Warnings);
    }

    [Fact]
    public void A_gpu_type_on_a_non_gpu_ami_is_warned()
    {
        var check = Ec2InstanceTypeValidator.Check("g4dn.xlarge", "us-east-1", amiSupportsGpu: false);

        Assert.True(check.IsValid);
        Assert.Equal(
            ["g4dn.xlarge has 1 T4 GPU(s) but the AMI has no GPU drivers: use a GPU AMI (e.g. a Deep Learning AMI) or you pay for an unused GPU"],
            check.Warnings);
        Assert.Empty(Ec2InstanceTypeValidator.Check("g4dn.xlarge", "us-east-1", amiSupportsGpu: true).Warnings);
    }

    [Fact]
    public void Burstable_and_unpriced_regions_are_warned()
    {
        Assert.Equal(
            ["t3.medium is burstable: sustained CPU use above its baseline is billed as CPU credits on top of the hourly price"],
            Ec2InstanceTypeValidator.Check("t3.medium", "us-east-1").Warnings);
        Assert.Equal(
            ["acode's offline catalogue has no ap-south-1 price for c5.large"],
            Ec2InstanceTypeValidator.Check("c5.large", "ap-south-1").Warnings);
    }
}
