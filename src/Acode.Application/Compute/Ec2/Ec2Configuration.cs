namespace Acode.Application.Compute.Ec2;

/// <summary>
/// The EC2 target's settings (spec Part 2, issue 4 and 5): bound from the <c>ec2Target:</c> block of
/// <c>.acode/config.yml</c>, overlaid by environment and flags with <c>with</c>, checked by
/// <see cref="Ec2ConfigurationValidator"/>. Defaults come from <see cref="Ec2Defaults"/>.
/// </summary>
public sealed record Ec2Configuration : ComputeTargetConfiguration
{
    /// <summary>The target type string, <c>ec2</c>.</summary>
    public const string Ec2TargetType = "ec2";

    /// <inheritdoc />
    public override string TargetType => Ec2TargetType;

    /// <summary>AWS region, e.g. <c>us-west-2</c> (FR-006/007: from the file, else AWS_REGION / AWS_DEFAULT_REGION).</summary>
    public required string Region { get; init; }

    /// <summary>Instance type (FR-008/009).</summary>
    public string InstanceType { get; init; } = Ec2Defaults.InstanceType;

    /// <summary>AMI id or image alias (YAML <c>ami</c>, see <see cref="Images.Ec2ImageAliases"/>); null = latest Amazon Linux 2023 via its SSM public parameter.</summary>
    public string? AmiId { get; init; }

    /// <summary>VPC id; used when acode creates a temporary security group and no subnet decides the VPC.</summary>
    public string? VpcId { get; init; }

    /// <summary>Subnet id (FR-013); null = the default subnet of the default VPC.</summary>
    public string? SubnetId { get; init; }

    /// <summary>Security groups to attach (FR-014).</summary>
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    /// <summary>
    /// An existing key pair (FR-015). Its private half is read from <see cref="PrivateKeyPath"/>, or when that is null
    /// from <c>~/.ssh/&lt;keyPairName&gt;.pem</c> then <c>~/.ssh/&lt;keyPairName&gt;</c>.
    /// </summary>
    public string? KeyPairName { get; init; }

    /// <summary>
    /// Generate an ed25519 key locally and import only its public half (FR-016). Null = automatic when no
    /// <see cref="KeyPairName"/> is set; see <see cref="UsesAutoKeyPair"/>.
    /// </summary>
    public bool? AutoKeyPair { get; init; }

    /// <summary>The private key file for <see cref="KeyPairName"/>, or where to keep the auto key (mode 0600).</summary>
    public string? PrivateKeyPath { get; init; }

    /// <summary>IAM instance profile (YAML <c>instanceProfile</c>): a name or an ARN (FR-017).</summary>
    public string? InstanceProfileArn { get; init; }

    /// <summary>Launch as spot (FR-049); on-demand is the default (FR-053).</summary>
    public bool SpotEnabled { get; init; }

    /// <summary>Maximum spot $/h (FR-050); null = up to the on-demand price (AWS's default).</summary>
    public decimal? SpotMaxPrice { get; init; }

    /// <summary>On-demand alternatives tried in order after <see cref="InstanceType"/> when it has no capacity (YAML <c>instanceTypes</c>).</summary>
    public IReadOnlyList<string> InstanceTypes { get; init; } = [];

    /// <summary>
    /// Subnets a launch may use, one AZ after another on a capacity error (YAML <c>subnets</c>); empty = <see cref="SubnetId"/>
    /// alone when set, else every default subnet of the default VPC.
    /// </summary>
    public IReadOnlyList<string> Subnets { get; init; } = [];

    /// <summary>Spot instance types tried in order; empty = only <see cref="InstanceType"/>.</summary>
    public IReadOnlyList<string> SpotInstanceTypes { get; init; } = [];

    /// <summary>Launch on-demand when spot capacity or price fails, and replace an interrupted spot instance (FR-052).</summary>
    public bool SpotFallbackToOnDemand { get; init; } = true;

    /// <summary>Tenancy: only <c>default</c> (shared); dedicated instances and hosts are out of scope.</summary>
    public string Tenancy { get; init; } = Ec2Defaults.Tenancy;

    /// <summary>Root EBS size in GiB (FR-036/037).</summary>
    public int EbsSizeGb { get; init; } = Ec2Defaults.EbsSizeGb;

    /// <summary>Root EBS volume type: <c>gp3</c> (default) or <c>gp2</c>.</summary>
    public string EbsVolumeType { get; init; } = Ec2Defaults.EbsVolumeType;

    /// <summary>The KMS key that encrypts the root volume (id, alias or ARN); null = the account's default EBS key. The volume is always encrypted.</summary>
    public string? EbsKmsKeyId { get; init; }

    /// <summary>IMDSv2 (tokens required) PUT response hop limit: 1 (default) keeps the metadata on the instance; 2 lets containers on it reach IMDS.</summary>
    public int ImdsHopLimit { get; init; } = Ec2Defaults.ImdsHopLimit;

    /// <summary>User tags on the instance and its volume (FR-018); acode adds its own (FR-019).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Create a security group for this run allowing SSH only from <see cref="SshSourceCidrs"/> (FR-032). Null = when no
    /// <see cref="SecurityGroupIds"/> are set (a default VPC's default group admits only itself); see <see cref="UsesTempSecurityGroup"/>.
    /// </summary>
    public bool? CreateTempSecurityGroup { get; init; }

    /// <summary>Who may reach port 22 of a temporary security group; empty = the caller's public address /32.</summary>
    public IReadOnlyList<string> SshSourceCidrs { get; init; } = [];

    /// <summary>Give the instance an auto-assigned public IPv4 address (billed per hour, FR-028).</summary>
    public bool AssociatePublicIp { get; init; } = true;

    /// <summary>Connect to the private address (from inside the VPC or over a VPN) (FR-030).</summary>
    public bool UsePrivateIp { get; init; }

    /// <summary>
    /// Elastic IP (FR-029): null = none; <c>auto</c> = allocate one for the run and release it at teardown; an
    /// allocation id <c>eipalloc-...</c> = associate that address and leave it allocated afterwards.
    /// </summary>
    public string? ElasticIp { get; init; }

    /// <summary>User data merged with acode's cloud-init (FR-020). Never logged: it may hold secrets.</summary>
    public string? UserData { get; init; }

    /// <summary>The EC2 endpoint, like <c>aws --endpoint-url</c> (the emulator, a VPC endpoint); null = AWS's.</summary>
    public Uri? EndpointUrl { get; init; }

    /// <summary>
    /// The AWS Price List endpoint for live prices (environment <c>ACODE_PRICING_ENDPOINT_URL</c> only, no YAML key);
    /// null = <see cref="EndpointUrl"/> when set (an emulator serves both), else AWS's.
    /// </summary>
    public Uri? PricingEndpointUrl { get; init; }

    /// <summary>A named AWS profile; null = the SDK's default credential chain.</summary>
    public string? Profile { get; init; }

    /// <summary>SSH user; null = from the AMI (ec2-user for Amazon Linux, ubuntu for Ubuntu).</summary>
    public string? SshUser { get; init; }

    /// <summary>SSH port.</summary>
    public int SshPort { get; init; } = Ec2Defaults.SshPort;

    /// <summary>How the instance's host key is verified.</summary>
    public Ec2HostKeyVerification HostKeyVerification { get; init; } = Ec2HostKeyVerification.Pinned;

    /// <summary>Instance state poll interval (FR-064).</summary>
    public TimeSpan PollInterval { get; init; } = Ec2Defaults.PollInterval;

    /// <summary>From RunInstances to running (FR-039/040).</summary>
    public TimeSpan ProvisionTimeout { get; init; } = Ec2Defaults.ProvisionTimeout;

    /// <summary>From running to an authenticated SSH session (NFR-002).</summary>
    public TimeSpan SshReadyTimeout { get; init; } = Ec2Defaults.SshReadyTimeout;

    /// <summary>SSH readiness retries after the first attempt (FR-026).</summary>
    public int SshRetryCount { get; init; } = Ec2Defaults.SshRetryCount;

    /// <summary>Between SSH readiness attempts (FR-027).</summary>
    public TimeSpan SshRetryInterval { get; init; } = Ec2Defaults.SshRetryInterval;

    /// <summary>Arm the instance-side dead-man switch (on by default): the instance terminates itself when acode is gone.</summary>
    public bool DeadManSwitch { get; init; } = true;

    /// <summary>The dead-man switch's hard limit on the instance's life.</summary>
    public TimeSpan MaxLifetime { get; init; } = Ec2Defaults.MaxLifetime;

    /// <summary>The dead-man switch fires when no client heartbeat arrived for this long.</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = Ec2Defaults.HeartbeatTimeout;

    /// <summary>Always <c>terminate</c>: an OS shutdown (the dead-man switch) must end billing, not stop the instance.</summary>
    public string InstanceInitiatedShutdownBehavior => Ec2Defaults.InstanceInitiatedShutdownBehavior;

    /// <summary>Raise <c>Ec2CostAlertEvent</c> when an instance's accrued cost crosses this many USD (FR-060); null = off.</summary>
    public decimal? CostAlertThreshold { get; init; }

    /// <summary>A savings plan the account holds (FR-055); null = none.</summary>
    public Ec2SavingsPlan? SavingsPlan { get; init; }

    /// <summary>True when acode creates a temporary security group for the run: asked for, or by default when no groups are configured.</summary>
    public bool UsesTempSecurityGroup => CreateTempSecurityGroup ?? SecurityGroupIds.Count == 0;

    /// <summary>True when acode generates and imports the key pair itself.</summary>
    public bool UsesAutoKeyPair => AutoKeyPair ?? KeyPairName is null;
}
