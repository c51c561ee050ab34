using System.Collections.Frozen;

namespace Acode.Application.Compute.Ec2;

/// <summary>
/// The AWS regions acode knows by name: every commercial region (opt-in ones included) and GovCloud. A well-formed
/// name that is not listed (a region newer than this list) is accepted too; the list serves suggestions, the
/// emulator's DescribeRegions and <c>--all-regions</c>.
/// </summary>
public static class Ec2Regions
{
    /// <summary>The commercial (aws partition) regions, as of 2026-12, opt-in regions included.</summary>
    public static readonly IReadOnlyList<string> Commercial =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "ca-west-1", "mx-central-1", "sa-east-1",
        "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
        "af-south-1", "il-central-1", "me-south-1", "me-central-1", "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
        "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
    ];

    /// <summary>The AWS GovCloud (US) regions (aws-us-gov partition).</summary>
    public static readonly IReadOnlyList<string> GovCloud = ["us-gov-east-1", "us-gov-west-1"];

    /// <summary>Every known region code.</summary>
    public static readonly FrozenSet<string> Known = Commercial.Concat(GovCloud).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every place a region may come from, in the order they win, for "no region" messages.</summary>
    public const string WhereToSetRegion =
        "set --region, ACODE_EC2_REGION, ec2Target.region in the config file, AWS_REGION or AWS_DEFAULT_REGION, "
        + "or 'region = ...' in the selected AWS profile (AWS_PROFILE / --profile / ec2Target.profile, in AWS_CONFIG_FILE or ~/.aws/config)";

    /// <summary>A warning for a well-formed region acode does not list (newer than this build); null when listed.</summary>
    public static string? UnlistedWarning(string region) =>
        Known.Contains(region) || !IsWellFormed(region)
            ? null
            : $"region {region} is not in acode's list of AWS regions (newer than this build?); using it as given";

    /// <summary>True for a name shaped like a region code (<c>xx-name-N</c>), listed or not.</summary>
    public static bool IsWellFormed(string? region) => region is not null && Ec2Formats.Region().IsMatch(region);
}
