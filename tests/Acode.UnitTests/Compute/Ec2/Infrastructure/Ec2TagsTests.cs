using Acode.Infrastructure.Compute.Ec2.Tagging;
using Amazon.EC2;
using Microsoft.Extensions.Time.Testing;

namespace Acode.UnitTests.Compute.Ec2.Infrastructure;

public sealed class Ec2TagsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 21, 3, 14, TimeSpan.Zero));

    [Fact]
    public void Acode_tags_are_set_with_an_expiry_from_the_clock()
    {
        var tags = Ec2Tags.Create("s-1", "gpu-box", "alice@laptop", TimeSpan.FromHours(2), _time);

        Assert.Equal("true", tags[Ec2TagKeys.Acode]);
        Assert.Equal("s-1", tags[Ec2TagKeys.Session]);
        Assert.Equal("alice@laptop", tags[Ec2TagKeys.Owner]);
        Assert.Equal("gpu-box", tags[Ec2TagKeys.TargetId]);
        Assert.Equal("2026-11-25T23:03:14Z", tags[Ec2TagKeys.ExpiresAt]);
        Assert.Equal(5, tags.Count);
        Assert.True(Ec2Tags.TryParseTimestamp(tags[Ec2TagKeys.ExpiresAt], out var expires));
        Assert.Equal(_time.GetUtcNow().AddHours(2), expires);
    }

    [Fact]
    public void User_tags_are_added()
    {
        var tags = Ec2Tags.Create("s", "t", "o", TimeSpan.FromHours(1), _time, new Dictionary<string, string> { ["team"] = "ml", ["Name"] = "mine" });

        Assert.Equal("ml", tags["team"]);
        Assert.Equal("mine", tags["Name"]);
        Assert.Equal(7, tags.Count);
        Assert.Equal("true", tags[Ec2TagKeys.Acode]);
    }

    [Theory]
    [InlineData("acode")]
    [InlineData("ACODE:session")]
    [InlineData("acode:anything")]
    public void User_tags_may_not_use_reserved_keys(string key)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Ec2Tags.Create("s", "t", "o", TimeSpan.FromHours(1), _time, new Dictionary<string, string> { [key] = "x" }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_values_are_cut_to_the_aws_limit()
    {
        var tags = Ec2Tags.Create(new string('s', 300), "t", "o", TimeSpan.FromHours(1), _time);

        Assert.Equal(256, tags[Ec2TagKeys.Session].Length);
    }

    [Fact]
    public void Tag_specifications_carry_every_tag()
    {
        var tags = Ec2Tags.Create("s", "t", "o", TimeSpan.FromHours(1), _time);

        var spec = Ec2TagSpecifications.For(ResourceType.Instance, tags);

        Assert.Equal(ResourceType.Instance, spec.ResourceType);
        Assert.Equal(tags.OrderBy(t => t.Key), spec.Tags.Select(t => KeyValuePair.Create(t.Key, t.Value)).OrderBy(t => t.Key));
    }

    [Fact]
    public void The_default_owner_is_user_at_host()
    {
        Assert.Equal($"{Environment.UserName}@{Environment.MachineName}", Ec2Tags.DefaultOwner());
    }
}
