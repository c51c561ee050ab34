using Acode.Application.Compute.Ec2;

namespace Acode.UnitTests.Compute.Ec2;

/// <summary>Every commercial region is known and valid; a well-formed region newer than the list is accepted with a warning.</summary>
public sealed class Ec2RegionsTests
{
    [Theory]
    [InlineData("af-south-1")]
    [InlineData("ap-east-1")]
    [InlineData("me-south-1")]
    [InlineData("eu-south-1")]
    [InlineData("ap-south-2")]
    [InlineData("ap-southeast-3")]
    [InlineData("ap-southeast-7")]
    [InlineData("eu-central-2")]
    [InlineData("eu-south-2")]
    [InlineData("il-central-1")]
    [InlineData("me-central-1")]
    [InlineData("ca-west-1")]
    [InlineData("mx-central-1")]
    [InlineData("sa-east-1")]
    public void Opt_in_commercial_regions_are_listed_and_valid(string region)
    {
        Assert.Contains(region, Ec2Regions.Commercial);
        Assert.Empty(Ec2ConfigurationValidator.Validate(new Ec2Configuration { Region = region }));
        Assert.Null(Ec2Regions.UnlistedWarning(region));
    }

    [Fact]
    public void The_commercial_list_has_every_region_once_and_no_GovCloud()
    {
        Assert.Equal(Ec2Regions.Commercial.Count, Ec2Regions.Commercial.Distinct().Count());
        Assert.True(Ec2Regions.Commercial.Count >= 34);
        Assert.DoesNotContain(Ec2Regions.Commercial, r => r.Contains("-gov-", StringComparison.Ordinal));
        Assert.All(Ec2Regions.Commercial, r => Assert.True(Ec2Regions.IsWellFormed(r), r));
    }

    [Theory]
    [InlineData("ap-southeast-9")]
    [InlineData("eu-east-1")]
    public void A_well_formed_region_newer_than_the_list_is_accepted_with_a_warning(string region)
    {
        Assert.Empty(Ec2ConfigurationValidator.Validate(new Ec2Configuration { Region = region }));
        Assert.Contains(region, Ec2Regions.UnlistedWarning(region), StringComparison.Ordinal);
    }
}
