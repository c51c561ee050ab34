namespace Acode.Application.Compute.Ec2;

/// <summary>
/// Every default of the EC2 target in one place (spec FR numbers in the comments), referenced by
/// <see cref="Ec2Configuration"/>, the YAML loader and the README's reference table.
/// </summary>
public static class Ec2Defaults
{
    /// <summary>The configuration section name in <c>.acode/config.yml</c>.</summary>
    public const string SectionName = "ec2Target";

    /// <summary>FR-009.</summary>
    public const string InstanceType = "t3.medium";

    /// <summary>FR-037: root EBS size in GiB.</summary>
    public const int EbsSizeGb = 20;

    /// <summary>Smallest root EBS size acode accepts (GiB).</summary>
    public const int MinEbsSizeGb = 8;

    /// <summary>Largest gp2/gp3 volume EC2 allows (GiB).</summary>
    public const int MaxEbsSizeGb = 16384;

    /// <summary>Root volume type: gp3 is about 20 % cheaper per GB than gp2 with a 3,000 IOPS floor.</summary>
    public const string EbsVolumeType = "gp3";

    /// <summary>IMDSv2 hop limit: the metadata service answers only the instance itself, not a container behind a bridge.</summary>
    public const int ImdsHopLimit = 1;

    /// <summary>At most this many RunInstances attempts per launch (types x AZs), so a region out of capacity fails in bounded time.</summary>
    public const int MaxLaunchAttempts = 12;

    /// <summary>Shared tenancy, the only one acode supports.</summary>
    public const string Tenancy = "default";

    /// <summary>SSH port.</summary>
    public const int SshPort = 22;

    /// <summary>FR-026.</summary>
    public const int SshRetryCount = 30;

    /// <summary>FR-027.</summary>
    public static readonly TimeSpan SshRetryInterval = TimeSpan.FromSeconds(10);

    /// <summary>NFR-002.</summary>
    public static readonly TimeSpan SshReadyTimeout = TimeSpan.FromMinutes(2);

    /// <summary>FR-040.</summary>
    public static readonly TimeSpan ProvisionTimeout = TimeSpan.FromMinutes(5);

    /// <summary>FR-064.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    /// <summary>Instance-side dead-man switch: the instance shuts itself down (and so terminates) after this long whatever happens.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(8);

    /// <summary>Instance-side dead-man switch: the instance shuts itself down when no client heartbeat came for this long.</summary>
    public static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromMinutes(15);

    /// <summary>FR-074.</summary>
    public static readonly TimeSpan OrphanThreshold = TimeSpan.FromHours(2);

    /// <summary>The value of <c>elasticIp</c> that asks acode to allocate a temporary Elastic IP and release it at teardown.</summary>
    public const string ElasticIpAuto = "auto";

    /// <summary>What an instance does on an OS shutdown: terminate, so the dead-man switch ends billing.</summary>
    public const string InstanceInitiatedShutdownBehavior = "terminate";

    /// <summary>The tag every acode resource carries (FR-019).</summary>
    public const string AcodeTagKey = "acode";

    /// <summary>How many tags acode adds itself (acode, acode:session, acode:owner, acode:expires-at, acode:target-id); counted against AWS's 50.</summary>
    public const int AcodeOwnTagCount = 5;

    /// <summary>AWS's limit of tags per resource.</summary>
    public const int MaxTagsPerResource = 50;

    /// <summary>AWS's limit on a tag key's length.</summary>
    public const int MaxTagKeyLength = 128;

    /// <summary>AWS's limit on a tag value's length.</summary>
    public const int MaxTagValueLength = 256;
}
