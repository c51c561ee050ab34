using Acode.Application.Compute.Ec2;

namespace Acode.UnitTests.Compute.Ec2;

/// <summary>UT-001: every bad setting gives exactly one line, with the key path, the problem and the value.</summary>
public sealed class Ec2ConfigurationValidatorTests
{
    private static readonly Ec2Configuration Valid = new() { Region = "us-west-2" };

    public static TheoryData<string, Func<Ec2Configuration, Ec2Configuration>, string> BadSettings => new()
    {
        { "ebs too small", c => c with { EbsSizeGb = -5 }, "ec2Target.ebsSizeGb: must be between 8 and 16384, got -5" },
        { "ebs too large", c => c with { EbsSizeGb = 16385 }, "ec2Target.ebsSizeGb: must be between 8 and 16384, got 16385" },
        { "ebs type", c => c with { EbsVolumeType = "io2" }, "ec2Target.ebsVolumeType: must be gp3 or gp2, got \"io2\"" },
        { "region missing", c => c with { Region = "" }, "ec2Target.region: is required: " + Ec2Regions.WhereToSetRegion + ", got \"\"" },
        { "region syntax", c => c with { Region = "uswest2" }, "ec2Target.region: must be a region code like us-west-2 (did you mean us-west-2?), got \"uswest2\"" },
        { "type syntax", c => c with { InstanceType = "t3medium" }, "ec2Target.instanceType: must be an instance type like t3.medium (family.size), got \"t3medium\"" },
        { "mac", c => c with { InstanceType = "mac2.metal" }, "ec2Target.instanceType: EC2 Mac instances are not supported (out of scope), got \"mac2.metal\"" },
        { "spot type", c => c with { SpotEnabled = true, SpotInstanceTypes = ["c5.large", "c5"] }, "ec2Target.spotInstanceTypes[1]: must be an instance type like t3.medium (family.size), got \"c5\"" },
        { "dedicated host", c => c with { Tenancy = "host" }, "ec2Target.tenancy: only default (shared) tenancy is supported; dedicated instances and hosts are out of scope, got \"host\"" },
        { "spot price zero", c => c with { SpotEnabled = true, SpotMaxPrice = 0m }, "ec2Target.spotMaxPrice: must be a positive price in USD per hour, got 0" },
        { "spot price negative", c => c with { SpotEnabled = true, SpotMaxPrice = -0.01m }, "ec2Target.spotMaxPrice: must be a positive price in USD per hour, got -0.01" },
        { "ami", c => c with { AmiId = "ami-123" }, "ec2Target.ami: must be an AMI id (ami- followed by 8 or 17 hex digits) or one of al2023, al2, ubuntu-24.04, debian-12, got \"ami-123\"" },
        { "subnet", c => c with { SubnetId = "sub-12345678" }, "ec2Target.subnetId: must be an id like subnet- followed by 8 or 17 hex digits, got \"sub-12345678\"" },
        { "vpc", c => c with { VpcId = "vpc-XYZ45678" }, "ec2Target.vpcId: must be an id like vpc- followed by 8 or 17 hex digits, got \"vpc-XYZ45678\"" },
        { "sg", c => c with { SecurityGroupIds = ["sg-12345678", "group1"] }, "ec2Target.securityGroupIds[1]: must be an id like sg- followed by 8 or 17 hex digits, got \"group1\"" },
        { "tag aws:", c => c with { Tags = new Dictionary<string, string> { ["aws:team"] = "x" } }, "ec2Target.tags.aws:team: tag keys starting with aws: are reserved by AWS, got \"aws:team\"" },
        { "tag acode", c => c with { Tags = new Dictionary<string, string> { ["acode:session"] = "x" } }, "ec2Target.tags.acode:session: tag keys acode and acode:* are set by acode itself, got \"acode:session\"" },
        { "tag key long", c => c with { Tags = new Dictionary<string, string> { [new string('k', 129)] = "x" } }, $"ec2Target.tags.{new string('k', 129)}: tag keys must be 1 to 128 characters, got 129" },
        { "tag value long", c => c with { Tags = new Dictionary<string, string> { ["k"] = new string('v', 257) } }, "ec2Target.tags.k: tag values must be at most 256 characters, got 257" },
        { "too many tags", c => c with { Tags = Enumerable.Range(0, 46).ToDictionary(i => $"t{i}", i => "v") }, "ec2Target.tags: at most 45 tags (AWS allows 50, acode uses 5), got 46" },
        { "cidr", c => c with { CreateTempSecurityGroup = true, SshSourceCidrs = ["10.0.0.0/33"] }, "ec2Target.sshSourceCidrs[0]: must be a CIDR block like 203.0.113.7/32, got \"10.0.0.0/33\"" },
        { "cidr without temp sg", c => c with { SshSourceCidrs = ["10.0.0.0/8"], CreateTempSecurityGroup = false }, "ec2Target.sshSourceCidrs: has no effect without a temporary security group (createTempSecurityGroup: true, or no securityGroupIds), got \"10.0.0.0/8\"" },
        { "elastic ip", c => c with { ElasticIp = "eip-1" }, "ec2Target.elasticIp: must be auto or an allocation id like eipalloc-0123456789abcdef0, got \"eip-1\"" },
        { "elastic ip private", c => c with { ElasticIp = "auto", UsePrivateIp = true }, "ec2Target.elasticIp: cannot be used with usePrivateIp: true (acode would not connect through it), got \"auto\"" },
        { "no address", c => c with { AssociatePublicIp = false }, "ec2Target.associatePublicIp: leaves no address to connect to: set usePrivateIp or elasticIp, got false" },
        { "profile arn", c => c with { InstanceProfileArn = "arn:aws:iam::12:role/x" }, "ec2Target.instanceProfile: must be an instance profile name or arn:aws:iam::<account>:instance-profile/<name>, got \"arn:aws:iam::12:role/x\"" },
        { "auto key and name", c => c with { AutoKeyPair = true, KeyPairName = "k" }, "ec2Target.autoKeyPair: cannot be true together with keyPairName (pick one), got true" },
        { "no key at all", c => c with { AutoKeyPair = false }, "ec2Target.keyPairName: is required when autoKeyPair is false, got nothing" },
        { "ssh user", c => c with { SshUser = "Root User" }, "ec2Target.sshUser: must be a Linux user name, got \"Root User\"" },
        { "ssh port", c => c with { SshPort = 0 }, "ec2Target.sshPort: must be between 1 and 65535, got 0" },
        { "retry count", c => c with { SshRetryCount = -1 }, "ec2Target.sshRetryCount: must be zero or more, got -1" },
        { "timeout", c => c with { ProvisionTimeout = TimeSpan.Zero }, "ec2Target.provisionTimeout: must be a positive duration, got 0s" },
        { "poll", c => c with { PollInterval = TimeSpan.FromSeconds(-1) }, "ec2Target.pollInterval: must be a positive duration, got -1s" },
        { "heartbeat", c => c with { HeartbeatTimeout = TimeSpan.FromHours(9) }, "ec2Target.heartbeatTimeout: must be shorter than maxLifetime, got 9h" },
        { "endpoint", c => c with { EndpointUrl = new Uri("ftp://example.invalid/") }, "ec2Target.endpointUrl: must be an absolute http or https URL, got \"ftp://example.invalid/\"" },
        { "alert", c => c with { CostAlertThreshold = -1m }, "ec2Target.costAlertThreshold: must be a positive amount in USD, got -1" },
        { "savings plan", c => c with { SavingsPlan = new Ec2SavingsPlan { DiscountPercent = 100m } }, "ec2Target.savingsPlan.discountPercent: must be more than 0 and less than 100, got 100" },
        { "user data", c => c with { UserData = new string('x', 16385) }, "ec2Target.userData: must be at most 16384 bytes, got \"16385 bytes\"" },
    };

    [Fact]
    public void Defaults_are_valid_and_match_the_spec()
    {
        Assert.Empty(Ec2ConfigurationValidator.Validate(Valid));
        Assert.Equal("ec2", Valid.TargetType);
        Assert.Equal("t3.medium", Valid.InstanceType);
        Assert.Equal(20, Valid.EbsSizeGb);
        Assert.Equal(30, Valid.SshRetryCount);
        Assert.Equal(TimeSpan.FromSeconds(10), Valid.SshRetryInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), Valid.ProvisionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), Valid.PollInterval);
        Assert.False(Valid.SpotEnabled);
        Assert.True(Valid.SpotFallbackToOnDemand);
        Assert.True(Valid.UsesAutoKeyPair);
        Assert.Equal("terminate", Valid.InstanceInitiatedShutdownBehavior);
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_setting_gives_its_line(string name, Func<Ec2Configuration, Ec2Configuration> change, string expected)
    {
        Assert.NotNull(name);
        Assert.Equal([expected], Ec2ConfigurationValidator.Validate(change(Valid)));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_thrown_together()
    {
        var bad = Valid with { Region = "nowhere", EbsSizeGb = 2, AmiId = "image", SpotEnabled = true, SpotMaxPrice = -1m, SshPort = 70000 };

        var problems = Ec2ConfigurationValidator.Validate(bad);
        var thrown = Assert.Throws<Ec2ConfigurationException>(() => Ec2ConfigurationValidator.ThrowIfInvalid(bad));

        Assert.Equal(5, problems.Count);
        Assert.Equal(problems, thrown.Errors);
        Assert.Contains("5 problem(s)", thrown.Message, StringComparison.Ordinal);
        Assert.All(problems, p => Assert.Contains(p, thrown.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_region_unknown_to_aws_is_accepted_with_a_custom_endpoint()
    {
        var emulator = Valid with { Region = "xx-test-1", EndpointUrl = new Uri("http://127.0.0.2:4566/") };

        Assert.Empty(Ec2ConfigurationValidator.Validate(emulator));
    }
}
