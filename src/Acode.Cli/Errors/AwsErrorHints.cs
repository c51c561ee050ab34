namespace Acode.Cli.Errors;

/// <summary>
/// What to do about an AWS error code, in one table (docs/cli.md "Inputs and errors" lists it). A code ending in
/// <c>.*</c> matches every code that starts with what precedes the star (<c>InvalidAMIID.NotFound</c>, <c>.Malformed</c>).
/// </summary>
public static class AwsErrorHints
{
    /// <summary>The codes with their hint, in documentation order.</summary>
    public static IReadOnlyList<(string Code, string Hint)> All { get; } =
    [
        ("InvalidAMIID.*", "the AMI (ec2Target.ami, --ami) does not exist in this region or the account may not launch it: use an alias (al2023, ubuntu-24.04, debian-12) or an AMI id of this region"),
        ("UnauthorizedOperation", "the credentials are valid but lack this permission: grant it in the IAM policy (docs/iam-policy.json lists every action acode needs)"),
        ("AuthFailure", "AWS refused the credentials: check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the profile) and that the key is active"),
        ("InvalidClientTokenId", "AWS does not know this access key: check AWS_ACCESS_KEY_ID (or the profile) and that the key is active"),
        ("SignatureDoesNotMatch", "the secret key does not match the access key: check AWS_SECRET_ACCESS_KEY (or the profile)"),
        ("ExpiredToken", "the session credentials have expired: renew them ('aws sso login') or unset AWS_SESSION_TOKEN"),
        ("RequestExpired", "the request's timestamp is off: check this machine's clock"),
        ("OptInRequired", "the region is not enabled for this account: enable it in the AWS console, or choose another region (--region)"),
        ("InvalidKeyPair.*", "the key pair (ec2Target.keyPair, --key-pair) does not exist in this region: import it there, or remove keyPair so that acode creates one per run"),
        ("InvalidGroup.*", "a security group (ec2Target.securityGroupIds, --security-group) does not exist in this region or VPC: check the id, or remove it so that acode creates a temporary one"),
        ("InvalidGroupId.*", "a security group id (ec2Target.securityGroupIds, --security-group) is malformed or unknown here: check the id"),
        ("InvalidSubnetID.*", "the subnet (ec2Target.subnetId, --subnet) does not exist in this region: check the id, or remove it to use the default subnet"),
        ("InvalidInstanceID.*", "no such instance in this region: check the id and the region ('acode target ec2 list')"),
        ("InsufficientInstanceCapacity", "AWS has no capacity for this instance type in this zone right now: try another instance type or subnet, or later"),
        ("VcpuLimitExceeded", "the account's vCPU quota for this instance family is used up: terminate instances or ask for a higher quota (Service Quotas)"),
        ("InstanceLimitExceeded", "the account's instance quota is used up: terminate instances or ask for a higher quota (Service Quotas)"),
        ("SpotMaxPriceTooLow", "the spot price is above ec2Target.spotMaxPrice: raise it, remove it, or use on-demand"),
        ("Unsupported", "the instance type is not offered in this zone: choose another subnet or instance type"),
        ("InvalidParameterValue", "EC2 refused a value acode sent: check the ec2Target setting the message names"),
        ("RequestLimitExceeded", "EC2 is throttling this account's requests: wait a minute and run again"),
    ];

    /// <summary>The hint for <paramref name="code"/>, or null when the table has none.</summary>
    public static string? For(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        foreach (var (pattern, hint) in All)
        {
            var matches = pattern.EndsWith(".*", StringComparison.Ordinal)
                ? code.StartsWith(pattern[..^1], StringComparison.Ordinal)
                : string.Equals(code, pattern, StringComparison.Ordinal);
            if (matches)
            {
                return hint;
            }
        }

        return null;
    }
}
