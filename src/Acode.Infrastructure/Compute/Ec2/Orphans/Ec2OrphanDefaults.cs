using Acode.Application.Compute.Ec2;

namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>The orphan sweep's numbers in one place (STYLE.md habit 2), referenced by the options and the README.</summary>
public static class Ec2OrphanDefaults
{
    /// <summary>FR-074: an acode instance launched at least this long ago is an orphan.</summary>
    public static readonly TimeSpan Threshold = Ec2Defaults.OrphanThreshold;

    /// <summary>DescribeInstances/DescribeSecurityGroups page size (AWS accepts 5 to 1000).</summary>
    public const int PageSize = 1000;

    /// <summary>The smallest page size EC2 accepts.</summary>
    public const int MinPageSize = 5;

    /// <summary>The largest page size EC2 accepts.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>How acode names its temporary security groups and auto key pairs (<c>acode-</c> + session id).</summary>
    public const string NamePrefix = "acode-";

    /// <summary>How many ids go into one filter or one TerminateInstances call (AWS allows 200 filter values).</summary>
    public const int IdBatchSize = 100;

    /// <summary>How long a security group deletion keeps retrying <c>DependencyViolation</c> after its instances were terminated.</summary>
    public static readonly TimeSpan DependencyTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The first wait after a <c>DependencyViolation</c>; doubled each time up to <see cref="DependencyMaxBackoff"/>.</summary>
    public static readonly TimeSpan DependencyFirstBackoff = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two deletion attempts of one security group.</summary>
    public static readonly TimeSpan DependencyMaxBackoff = TimeSpan.FromSeconds(10);

    /// <summary>How often the EC2 target should heartbeat its session record.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMinutes(1);

    /// <summary>A session whose last heartbeat is older than this counts as dead even if its process still runs.</summary>
    public static readonly TimeSpan SessionStaleAfter = TimeSpan.FromMinutes(5);

    /// <summary>The instance states an orphan can be in: everything that still costs money and is not already going.</summary>
    internal static readonly string[] ActiveStateNames = ["pending", "running", "stopping", "stopped"];

    /// <summary>The states that still hold a security group (everything but terminated).</summary>
    internal static readonly string[] NotTerminatedStateNames = ["pending", "running", "shutting-down", "stopping", "stopped"];
}
