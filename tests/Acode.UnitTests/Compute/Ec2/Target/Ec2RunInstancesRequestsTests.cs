using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Spot;
using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Provisioning;
using Amazon.EC2;

namespace Acode.UnitTests.Compute.Ec2.Target;

public sealed class Ec2RunInstancesRequestsTests
{
    private static readonly Dictionary<string, string> Tags = new() { ["acode"] = "true", ["project"] = "x" };

    private static Ec2Configuration Base => new()
    {
        Region = "us-east-1",
        AmiId = "ami-0123456789abcdef0",
        KeyPairName = "acode-k",
        SecurityGroupIds = ["sg-01234567"],
        UserData = "#!/bin/sh\necho hi\n",
        EbsSizeGb = 30,
    };

    [Fact]
    public void On_demand_request_carries_token_tags_root_volume_and_terminate_on_shutdown()
    {
        var request = Ec2RunInstancesRequests.Build(Base, new LaunchAttempt(0, "t3.small", Ec2InstanceLifecycle.OnDemand, null), "tok-1", Tags, "/dev/xvda");

        Assert.Equal("tok-1-0", request.ClientToken);
        Assert.Equal(InstanceType.T3Small, request.InstanceType);
        Assert.Equal((1, 1), (request.MinCount, request.MaxCount));
        Assert.Equal(ShutdownBehavior.Terminate, request.InstanceInitiatedShutdownBehavior);
        Assert.Equal("acode-k", request.KeyName);
        Assert.Equal(["sg-01234567"], request.SecurityGroupIds);
        Assert.Null(request.NetworkInterfaces);
        Assert.Null(request.InstanceMarketOptions);
        Assert.Equal("#!/bin/sh\necho hi\n", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(request.UserData)));
        Assert.Equal([ResourceType.Instance, ResourceType.Volume], request.TagSpecifications.Select(t => t.ResourceType));
        Assert.All(request.TagSpecifications, spec => Assert.Contains(spec.Tags, t => t.Key == "acode" && t.Value == "true"));
        var root = Assert.Single(request.BlockDeviceMappings);
        Assert.Equal("/dev/xvda", root.DeviceName);
        Assert.Equal(30, root.Ebs.VolumeSize);
        Assert.Equal(VolumeType.Gp3, root.Ebs.VolumeType);
        Assert.True(root.Ebs.DeleteOnTermination);
    }

    [Fact]
    public void Secure_by_default_imdsv2_hop_1_and_an_encrypted_root_with_the_accounts_key()
    {
        var request = Ec2RunInstancesRequests.Build(Base, new LaunchAttempt(0, "t3.small", Ec2InstanceLifecycle.OnDemand, null), "tok", Tags);
        var chosen = Ec2RunInstancesRequests.Build(Base with { ImdsHopLimit = 2, EbsKmsKeyId = "alias/builds" }, new LaunchAttempt(0, "t3.small", Ec2InstanceLifecycle.OnDemand, null), "tok", Tags, dryRun: true);

        Assert.Equal((HttpTokensState.Required, 1, InstanceMetadataEndpointState.Enabled), (request.MetadataOptions.HttpTokens, request.MetadataOptions.HttpPutResponseHopLimit, request.MetadataOptions.HttpEndpoint));
        Assert.Equal((true, null), (request.BlockDeviceMappings[0].Ebs.Encrypted, request.BlockDeviceMappings[0].Ebs.KmsKeyId));
        Assert.Null(request.DryRun);
        Assert.Equal((2, "alias/builds", true), (chosen.MetadataOptions.HttpPutResponseHopLimit, chosen.BlockDeviceMappings[0].Ebs.KmsKeyId, chosen.DryRun));
    }

    [Theory]
    [InlineData(null, 0, true)]
    [InlineData(null, 1, false)]
    [InlineData(true, 1, true)]
    [InlineData(false, 0, false)]
    public void A_temporary_group_is_made_unless_groups_are_configured_or_it_is_refused(bool? asked, int groups, bool made) =>
        Assert.Equal(made, (Base with { CreateTempSecurityGroup = asked, SecurityGroupIds = [.. Enumerable.Repeat("sg-01234567", groups)] }).UsesTempSecurityGroup);

    [Theory]
    [InlineData(0, null, "ec2Target.imdsHopLimit: must be between 1 and 64 (2 for containers on the instance), got 0")]
    [InlineData(65, null, "ec2Target.imdsHopLimit: must be between 1 and 64 (2 for containers on the instance), got 65")]
    [InlineData(1, "my-key", "ec2Target.ebsKmsKeyId: must be a KMS key id, alias/NAME, or a key or alias ARN (arn:aws:kms:...), got \"my-key\"")]
    public void Hop_limit_and_kms_key_are_checked(int hops, string? kms, string problem) =>
        Assert.Equal(problem, Assert.Single(Ec2ConfigurationValidator.Validate(new Ec2Configuration { Region = "us-east-1", ImdsHopLimit = hops, EbsKmsKeyId = kms })));

    [Theory]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("mrk-1234abcd12ab34cd56ef1234567890ab")]
    [InlineData("alias/aws/ebs")]
    [InlineData("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("arn:aws:kms:eu-west-1:111122223333:alias/builds")]
    public void Kms_key_forms_ebs_takes(string kms) =>
        Assert.Empty(Ec2ConfigurationValidator.Validate(new Ec2Configuration { Region = "us-east-1", EbsKmsKeyId = kms }));

    [Fact]
    public void Spot_attempt_sets_market_options_with_the_price_cap()
    {
        var request = Ec2RunInstancesRequests.Build(Base, new LaunchAttempt(1, "c5.large", Ec2InstanceLifecycle.Spot, 0.05m), "tok", Tags);

        Assert.Equal("tok-1", request.ClientToken);
        Assert.Equal(MarketType.Spot, request.InstanceMarketOptions.MarketType);
        Assert.Equal("0.05", request.InstanceMarketOptions.SpotOptions.MaxPrice);
        Assert.Equal(SpotInstanceType.OneTime, request.InstanceMarketOptions.SpotOptions.SpotInstanceType);
        Assert.Equal(InstanceInterruptionBehavior.Terminate, request.InstanceMarketOptions.SpotOptions.InstanceInterruptionBehavior);
    }

    [Fact]
    public void A_subnet_or_no_public_address_goes_through_a_network_interface()
    {
        var request = Ec2RunInstancesRequests.Build(Base with { SubnetId = "subnet-01234567", AssociatePublicIp = false }, new LaunchAttempt(0, "t3.micro", Ec2InstanceLifecycle.OnDemand, null), "tok", Tags);

        var nic = Assert.Single(request.NetworkInterfaces);
        Assert.Equal(0, nic.DeviceIndex);
        Assert.False(nic.AssociatePublicIpAddress);
        Assert.Equal("subnet-01234567", nic.SubnetId);
        Assert.Equal(["sg-01234567"], nic.Groups);
        Assert.Null(request.SubnetId);
        Assert.Null(request.SecurityGroupIds);
    }

    [Theory]
    [InlineData("acode-profile", null, "acode-profile")]
    [InlineData("arn:aws:iam::123456789012:instance-profile/acode", "arn:aws:iam::123456789012:instance-profile/acode", null)]
    public void Instance_profile_by_name_or_arn(string configured, string? arn, string? name)
    {
        var request = Ec2RunInstancesRequests.Build(Base with { InstanceProfileArn = configured }, new LaunchAttempt(0, "t3.micro", Ec2InstanceLifecycle.OnDemand, null), "tok", Tags);

        Assert.Equal(arn, request.IamInstanceProfile.Arn);
        Assert.Equal(name, request.IamInstanceProfile.Name);
    }
}
