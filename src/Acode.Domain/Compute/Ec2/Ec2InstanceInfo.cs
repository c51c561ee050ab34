namespace Acode.Domain.Compute.Ec2;

/// <summary>
/// What acode knows about one EC2 instance: enough to reach it, list it, account for its cost and find it again as an
/// orphan. Built from DescribeInstances; never holds key material.
/// </summary>
public sealed record Ec2InstanceInfo
{
    /// <summary>The instance id, <c>i-...</c>.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The instance type, e.g. <c>t3.medium</c>.</summary>
    public required string InstanceType { get; init; }

    /// <summary>The region the instance lives in, e.g. <c>us-west-2</c>.</summary>
    public required string Region { get; init; }

    /// <summary>The availability zone, e.g. <c>us-west-2a</c>; needed for AZ-scoped reserved instances and spot prices.</summary>
    public string? AvailabilityZone { get; init; }

    /// <summary>The public IPv4 address, if any (billed at the public IPv4 rate while assigned).</summary>
    public string? PublicIp { get; init; }

    /// <summary>The private IPv4 address.</summary>
    public string? PrivateIp { get; init; }

    /// <summary>The Elastic IP allocation id associated with the instance, if any.</summary>
    public string? ElasticIpAllocationId { get; init; }

    /// <summary>The current state.</summary>
    public required Ec2InstanceState State { get; init; }

    /// <summary>Why EC2 moved the instance to its current state (e.g. a spot interruption), when it says.</summary>
    public string? StateReason { get; init; }

    /// <summary>When EC2 launched the instance (the start of billing).</summary>
    public required DateTimeOffset LaunchTime { get; init; }

    /// <summary>The AMI the instance was launched from.</summary>
    public string? AmiId { get; init; }

    /// <summary>The subnet.</summary>
    public string? SubnetId { get; init; }

    /// <summary>The VPC.</summary>
    public string? VpcId { get; init; }

    /// <summary>The key pair name the instance was launched with.</summary>
    public string? KeyName { get; init; }

    /// <summary>The security groups attached.</summary>
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    /// <summary>How the instance was bought.</summary>
    public Ec2InstanceLifecycle Lifecycle { get; init; } = Ec2InstanceLifecycle.OnDemand;

    /// <summary>True for a spot instance; shorthand for <see cref="Lifecycle"/>.</summary>
    public bool IsSpotInstance => Lifecycle == Ec2InstanceLifecycle.Spot;

    /// <summary>EC2's platform details, e.g. <c>Linux/UNIX</c>; decides billing granularity and RI matching.</summary>
    public string Platform { get; init; } = Ec2Platforms.LinuxUnix;

    /// <summary>The root volume size in GiB, when known (for the EBS part of the cost).</summary>
    public int? RootVolumeSizeGb { get; init; }

    /// <summary>The root volume type, e.g. <c>gp3</c>, when known.</summary>
    public string? RootVolumeType { get; init; }

    /// <summary>The instance's tags, including acode's own (<c>acode=true</c>, <c>acode:session</c>, ...).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
