using System.Text.RegularExpressions;

namespace Acode.Application.Compute.Ec2;

/// <summary>The syntax of names and ids EC2 accepts, in one place for the validators.</summary>
public static partial class Ec2Formats
{
    /// <summary>A region code such as <c>us-west-2</c> or <c>us-gov-east-1</c>.</summary>
    [GeneratedRegex(@"^[a-z]{2}(-gov)?-[a-z]+-[0-9]{1,2}$")]
    public static partial Regex Region();

    /// <summary>An instance type: family (letters, generation digit, attribute letters, optional <c>-flex</c>), a dot, a size.</summary>
    [GeneratedRegex(@"^(?<family>[a-z]+[0-9][a-z0-9]*(-[a-z0-9]+)?)\.(?<size>[a-z0-9]+)$")]
    public static partial Regex InstanceType();

    /// <summary>An AMI id.</summary>
    [GeneratedRegex("^ami-([0-9a-f]{8}|[0-9a-f]{17})$")]
    public static partial Regex AmiId();

    /// <summary>A KMS key as EBS takes it: key id (UUID or mrk-), alias/NAME, or a key or alias ARN.</summary>
    [GeneratedRegex(@"^(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})|alias/[\w/_-]{1,250}|arn:aws[\w-]*:kms:[a-z0-9-]+:\d{12}:(key/[\w-]+|alias/[\w/_-]+))$")]
    public static partial Regex KmsKeyId();

    /// <summary>A subnet id.</summary>
    [GeneratedRegex("^subnet-([0-9a-f]{8}|[0-9a-f]{17})$")]
    public static partial Regex SubnetId();

    /// <summary>A security group id.</summary>
    [GeneratedRegex("^sg-([0-9a-f]{8}|[0-9a-f]{17})$")]
    public static partial Regex SecurityGroupId();

    /// <summary>A VPC id.</summary>
    [GeneratedRegex("^vpc-([0-9a-f]{8}|[0-9a-f]{17})$")]
    public static partial Regex VpcId();

    /// <summary>An Elastic IP allocation id.</summary>
    [GeneratedRegex("^eipalloc-([0-9a-f]{8}|[0-9a-f]{17})$")]
    public static partial Regex ElasticIpAllocationId();

    /// <summary>An IAM instance profile name.</summary>
    [GeneratedRegex(@"^[\w+=,.@-]{1,128}$")]
    public static partial Regex InstanceProfileName();

    /// <summary>An IAM instance profile ARN.</summary>
    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:iam::[0-9]{12}:instance-profile/[\w+=,.@/-]{1,128}$")]
    public static partial Regex InstanceProfileArn();

    /// <summary>A POSIX user name.</summary>
    [GeneratedRegex("^[a-z_][a-z0-9_-]{0,31}$")]
    public static partial Regex SshUser();

    /// <summary>An EC2 key pair name (ASCII, at most 255 characters).</summary>
    [GeneratedRegex(@"^[\x20-\x7E]{1,255}$")]
    public static partial Regex KeyPairName();
}
