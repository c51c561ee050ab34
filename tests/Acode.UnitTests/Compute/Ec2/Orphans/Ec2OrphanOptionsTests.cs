using Acode.Infrastructure.Compute.Ec2.Orphans;

namespace Acode.UnitTests.Compute.Ec2.Orphans;

/// <summary>Options default to the spec's numbers and refuse what EC2 or the rule would not accept.</summary>
public sealed class Ec2OrphanOptionsTests
{
    [Fact]
    public void Defaults_are_the_spec_numbers()
    {
        var options = new Ec2OrphanOptions();

        options.Validate();
        Assert.Equal((TimeSpan.FromHours(2), 1000), (options.Threshold, options.PageSize));
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(0, 4)]
    [InlineData(0, 1001)]
    public void Out_of_range_values_are_refused(int thresholdSeconds, int pageSize)
    {
        var options = new Ec2OrphanOptions { Threshold = TimeSpan.FromSeconds(thresholdSeconds), PageSize = pageSize };

        Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
    }

    [Fact]
    public void A_zero_threshold_is_allowed()
    {
        new Ec2OrphanOptions { Threshold = TimeSpan.Zero, PageSize = 5 }.Validate();

        Assert.Throws<ArgumentOutOfRangeException>(new Ec2OrphanOptions { DependencyFirstBackoff = TimeSpan.Zero }.Validate);
    }
}
