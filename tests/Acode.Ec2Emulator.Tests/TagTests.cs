using Amazon.EC2.Model;

namespace Acode.Ec2Emulator.Tests;

public sealed class TagTests
{
    [Fact]
    public async Task CreateTags_DescribeTags_and_DeleteTags_work_across_resources()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = (await h.RunAsync()).InstanceId;
        var group = await h.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "t", Description = "d" });
        await h.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [id, group.GroupId], Tags = [new Tag("owner", "alice"), new Tag("session", "s1")] });

        var tags = await h.Ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("key", ["owner"])] });
        Assert.Equal(2, tags.Tags.Count);
        Assert.Contains(tags.Tags, t => t.ResourceId == id && t.ResourceType == "instance" && t.Value == "alice");
        Assert.Contains(tags.Tags, t => t.ResourceId == group.GroupId && t.ResourceType == "security-group");

        await h.Ec2.DeleteTagsAsync(new DeleteTagsRequest { Resources = [id], Tags = [new Tag { Key = "owner" }] });
        var left = (await h.DescribeAsync(id)).Tags;
        Assert.Equal("session", left.Single().Key);
        await AssertEc2.FailsAsync("InvalidInstanceID.NotFound", () => h.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = ["i-0123456789abcdef0"], Tags = [new Tag("a", "b")] }));
        await AssertEc2.FailsAsync("InvalidParameterValue", () => h.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [id], Tags = [new Tag("aws:x", "b")] }));
    }
}
