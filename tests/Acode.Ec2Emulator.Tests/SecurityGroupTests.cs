using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.Ec2Emulator.Tests;

public sealed class SecurityGroupTests
{
    [Fact]
    public async Task Ingress_rules_are_added_described_refused_twice_and_revoked()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var group = await h.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "acode-temp", Description = "temporary" });
        var rule = new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = "203.0.113.7/32", Description = "me" }] };
        var added = await h.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = group.GroupId, IpPermissions = [rule] });
        Assert.True(added.Return);
        Assert.Equal("203.0.113.7/32", added.SecurityGroupRules.Single().CidrIpv4);

        var described = (await h.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group.GroupId] })).SecurityGroups.Single();
        Assert.Equal("acode-temp", described.GroupName);
        Assert.Equal("temporary", described.Description);
        var permission = described.IpPermissions.Single();
        Assert.Equal(22, permission.FromPort);
        Assert.Equal("203.0.113.7/32", permission.Ipv4Ranges.Single().CidrIp);
        Assert.Equal("0.0.0.0/0", described.IpPermissionsEgress.Single().Ipv4Ranges.Single().CidrIp);

        await AssertEc2.FailsAsync("InvalidPermission.Duplicate", () => h.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = group.GroupId, IpPermissions = [rule] }));
        await h.Ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = group.GroupId, IpPermissions = [rule] });
        Assert.Empty((await h.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group.GroupId] })).SecurityGroups[0].IpPermissions ?? []);
        var byFilter = await h.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("group-name", ["acode-*"])] });
        Assert.Equal(group.GroupId, byFilter.SecurityGroups.Single().GroupId);
    }

    [Fact]
    public async Task A_group_in_use_cannot_be_deleted_until_its_instance_is_terminated()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var group = await h.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "busy", Description = "d" });
        var id = (await h.RunAsync(r => r.SecurityGroupIds = [group.GroupId])).InstanceId;
        Assert.Equal(group.GroupId, (await h.DescribeAsync(id)).SecurityGroups.Single().GroupId);

        var error = await AssertEc2.FailsAsync("DependencyViolation", () => h.Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group.GroupId }));
        Assert.Contains(group.GroupId, error.Message, StringComparison.Ordinal);
        await h.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
        await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Terminated);
        await h.Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group.GroupId });
        await AssertEc2.FailsAsync("InvalidGroup.NotFound", () => h.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group.GroupId] }));
    }

    [Fact]
    public async Task Creation_errors_use_aws_codes()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "dup", Description = "d" });
        await AssertEc2.FailsAsync("InvalidGroup.Duplicate", () => h.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "dup", Description = "d" }));
        var missing = await AssertEc2.FailsAsync("MissingParameter", () => h.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "x" }));
        Assert.Contains("GroupDescription", missing.Message, StringComparison.Ordinal);
        var defaultGroup = (await h.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupNames = ["default"] })).SecurityGroups.Single();
        await AssertEc2.FailsAsync("CannotDelete", () => h.Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = defaultGroup.GroupId }));
        await AssertEc2.FailsAsync("InvalidParameterValue", () => h.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = defaultGroup.GroupId, IpPermissions = [new IpPermission { IpProtocol = "tcp", Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8" }] }],
        }));
    }
}
