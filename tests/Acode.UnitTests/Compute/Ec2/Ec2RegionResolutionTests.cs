using Acode.Infrastructure.Configuration;

namespace Acode.UnitTests.Compute.Ec2;

/// <summary>
/// The region order of the configuration layer, rung by rung: --region &gt; ACODE_EC2_REGION &gt; the file &gt; AWS_REGION
/// &gt; AWS_DEFAULT_REGION (the profile rung reads the shared config files: covered through the real CLI).
/// </summary>
public sealed class Ec2RegionResolutionTests
{
    private static readonly Dictionary<string, string?> Everything = new()
    {
        [AcodeConfigLoader.RegionVariable] = "eu-west-2",
        ["AWS_REGION"] = "ap-south-1",
        ["AWS_DEFAULT_REGION"] = "sa-east-1",
    };

    [Fact]
    public void The_flag_wins_over_everything()
    {
        var c = Load("ec2Target:\n  region: eu-central-1\n", Everything, new Ec2Flags("us-west-2", null));

        Assert.Equal("us-west-2", c.Region);
    }

    [Fact]
    public void ACODE_EC2_REGION_wins_over_the_file_and_AWS_REGION()
    {
        Assert.Equal("eu-west-2", Load("ec2Target:\n  region: eu-central-1\n", Everything).Region);
    }

    [Fact]
    public void The_file_wins_over_AWS_REGION()
    {
        var environment = Without(AcodeConfigLoader.RegionVariable);

        Assert.Equal("eu-central-1", Load("ec2Target:\n  region: eu-central-1\n", environment).Region);
    }

    [Fact]
    public void AWS_REGION_wins_over_AWS_DEFAULT_REGION_when_the_file_has_no_region()
    {
        Assert.Equal("ap-south-1", Load("ec2Target:\n  instanceType: t3.micro\n", Without(AcodeConfigLoader.RegionVariable)).Region);
    }

    [Fact]
    public void AWS_DEFAULT_REGION_is_the_last_environment_rung()
    {
        Assert.Equal("sa-east-1", Load("ec2Target:\n  instanceType: t3.micro\n", Without(AcodeConfigLoader.RegionVariable, "AWS_REGION")).Region);
    }

    [Fact]
    public void The_flag_fills_a_file_without_region_before_it_is_validated()
    {
        var c = Load("ec2Target:\n  instanceType: t3.micro\n", [], new Ec2Flags("us-west-2", null));

        Assert.Equal("us-west-2", c.Region);
    }

    [Fact]
    public void Each_rung_names_its_source()
    {
        var resolved = Ec2RegionResolver.Resolve(null, null, null, Without(AcodeConfigLoader.RegionVariable));

        Assert.Equal(new ResolvedRegion("ap-south-1", "AWS_REGION"), resolved);
    }

    private static Dictionary<string, string?> Without(params string[] names) =>
        Everything.Where(e => !names.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value);

    private static Acode.Application.Compute.Ec2.Ec2Configuration Load(string yaml, Dictionary<string, string?> environment, Ec2Flags? flags = null) =>
        AcodeConfigLoader.Parse(yaml, environment, flags).Ec2Target!;
}
