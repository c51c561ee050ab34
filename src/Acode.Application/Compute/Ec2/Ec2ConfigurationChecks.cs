using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Acode.Application.Configuration;

namespace Acode.Application.Compute.Ec2;

/// <summary>
/// The checks the <see cref="Ec2ConfigurationKeys"/> declarations name: syntax and consistency only; whether an AMI or
/// subnet exists is for the AWS calls to find out.
/// </summary>
internal static class Ec2ConfigurationChecks
{
    /// <summary>AWS's limit on raw user data (16 KB before base64).</summary>
    public const int MaxUserDataBytes = 16 * 1024;

    private static readonly string[] VolumeTypes = ["gp3", "gp2"];

    public static void Region(string region, ConfigProblems problems)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            problems.Add("is required: " + Ec2Regions.WhereToSetRegion, region);
        }
        else if (!Ec2Regions.IsWellFormed(region))
        {
            // A region newer than acode's list is accepted (well-formed is enough); only a malformed one is refused.
            var hint = DidYouMean.Closest(region, Ec2Regions.Known);
            problems.Add("must be a region code like us-west-2" + (hint is null ? string.Empty : $" (did you mean {hint}?)"), region);
        }
    }

    public static void InstanceType(string value, ConfigProblems problems)
    {
        var match = Ec2Formats.InstanceType().Match(value ?? string.Empty);
        if (!match.Success)
        {
            problems.Add("must be an instance type like t3.medium (family.size)", value);
        }
        else if (match.Groups["family"].Value.StartsWith("mac", StringComparison.Ordinal))
        {
            problems.Add("EC2 Mac instances are not supported (out of scope)", value);
        }
    }

    public static void InstanceTypes(IReadOnlyList<string> values, ConfigProblems problems) =>
        Each(values, problems, InstanceType);

    /// <summary>An optional resource id: <paramref name="prefix"/> and 8 or 17 hex digits.</summary>
    public static Action<Ec2Configuration, string?, ConfigProblems> Id(Regex format, string prefix) => (_, value, problems) =>
    {
        if (value is not null && !format.IsMatch(value))
        {
            problems.Add($"must be an id like {prefix} followed by 8 or 17 hex digits", value);
        }
    };

    /// <summary>A list of resource ids.</summary>
    public static Action<Ec2Configuration, IReadOnlyList<string>, ConfigProblems> Ids(Regex format, string prefix) => (c, values, problems) =>
        Each(values, problems, (value, p) => Id(format, prefix)(c, value, p));

    public static void Image(string? ami, ConfigProblems problems)
    {
        if (ami is null || Ec2Formats.AmiId().IsMatch(ami) || Images.Ec2ImageAliases.Find(ami) is not null)
        {
            return;
        }

        var names = Images.Ec2ImageAliases.All.Select(a => a.Name).ToList();
        var hint = DidYouMean.Closest(ami, names) is { } near ? $" (did you mean {near}?)" : string.Empty;
        problems.Add($"must be an AMI id (ami- followed by 8 or 17 hex digits) or one of {string.Join(", ", names)}{hint}", ami);
    }

    public static void KeyPairName(Ec2Configuration c, string? name, ConfigProblems problems)
    {
        if (name is not null && !Ec2Formats.KeyPairName().IsMatch(name))
        {
            problems.Add("must be 1 to 255 printable ASCII characters", name);
        }

        if (c.AutoKeyPair == false && name is null)
        {
            problems.Add("is required when autoKeyPair is false", null);
        }
    }

    public static void InstanceProfile(string? profile, ConfigProblems problems)
    {
        if (profile is not null && !Ec2Formats.InstanceProfileName().IsMatch(profile) && !Ec2Formats.InstanceProfileArn().IsMatch(profile))
        {
            problems.Add("must be an instance profile name or arn:aws:iam::<account>:instance-profile/<name>", profile);
        }
    }

    public static void EbsKmsKeyId(string? kms, ConfigProblems problems)
    {
        if (kms is not null && !Ec2Formats.KmsKeyId().IsMatch(kms))
        {
            problems.Add("must be a KMS key id, alias/NAME, or a key or alias ARN (arn:aws:kms:...)", kms);
        }
    }

    public static void EbsVolumeType(string type, ConfigProblems problems)
    {
        if (!VolumeTypes.Contains(type))
        {
            problems.Add("must be gp3 or gp2", type);
        }
    }

    public static void Tags(IReadOnlyDictionary<string, string> tags, ConfigProblems problems)
    {
        var limit = Ec2Defaults.MaxTagsPerResource - Ec2Defaults.AcodeOwnTagCount;
        if (tags.Count > limit)
        {
            problems.Add($"at most {limit} tags (AWS allows {Ec2Defaults.MaxTagsPerResource}, acode uses {Ec2Defaults.AcodeOwnTagCount})", tags.Count);
        }

        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var tag = problems.At(key);
            if (key.Length is 0 or > Ec2Defaults.MaxTagKeyLength)
            {
                tag.Add($"tag keys must be 1 to {Ec2Defaults.MaxTagKeyLength} characters", key.Length);
            }

            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                tag.Add("tag keys starting with aws: are reserved by AWS", key);
            }
            else if (key == Ec2Defaults.AcodeTagKey || key.StartsWith(Ec2Defaults.AcodeTagKey + ":", StringComparison.Ordinal))
            {
                tag.Add("tag keys acode and acode:* are set by acode itself", key);
            }

            if ((value ?? string.Empty).Length > Ec2Defaults.MaxTagValueLength)
            {
                tag.Add($"tag values must be at most {Ec2Defaults.MaxTagValueLength} characters", value!.Length);
            }
        }
    }

    public static void SshSourceCidrs(Ec2Configuration c, IReadOnlyList<string> cidrs, ConfigProblems problems)
    {
        Each(cidrs, problems, (cidr, p) =>
        {
            if (!IPNetwork.TryParse(cidr, out _))
            {
                p.Add("must be a CIDR block like 203.0.113.7/32", cidr);
            }
        });

        if (cidrs.Count > 0 && !c.UsesTempSecurityGroup)
        {
            problems.Add("has no effect without a temporary security group (createTempSecurityGroup: true, or no securityGroupIds)", string.Join(",", cidrs));
        }
    }

    public static void ElasticIp(Ec2Configuration c, string? eip, ConfigProblems problems)
    {
        if (eip is not null && eip != Ec2Defaults.ElasticIpAuto && !Ec2Formats.ElasticIpAllocationId().IsMatch(eip))
        {
            problems.Add("must be auto or an allocation id like eipalloc-0123456789abcdef0", eip);
        }

        if (eip is not null && c.UsePrivateIp)
        {
            problems.Add("cannot be used with usePrivateIp: true (acode would not connect through it)", eip);
        }
    }

    public static void EndpointUrl(Uri? url, ConfigProblems problems)
    {
        if (url is not null && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            problems.Add("must be an absolute http or https URL", url.OriginalString);
        }
    }

    public static void UserData(string? userData, ConfigProblems problems)
    {
        if (userData is not null && Encoding.UTF8.GetByteCount(userData) > MaxUserDataBytes)
        {
            problems.Add($"must be at most {MaxUserDataBytes} bytes", $"{Encoding.UTF8.GetByteCount(userData)} bytes");
        }
    }

    public static void SshUser(string? user, ConfigProblems problems)
    {
        if (user is not null && !Ec2Formats.SshUser().IsMatch(user))
        {
            problems.Add("must be a Linux user name", user);
        }
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], with <paramref name="why"/> after the range.</summary>
    public static Action<Ec2Configuration, int, ConfigProblems> Between(int min, int max, string why = "") => (_, value, problems) =>
    {
        if (value < min || value > max)
        {
            problems.Add($"must be between {min} and {max}{why}", value);
        }
    };

    /// <summary>Present text that is not blank.</summary>
    public static void NotBlank(string? value, ConfigProblems problems)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            problems.Add("must not be empty", value);
        }
    }

    public static void Positive(TimeSpan value, ConfigProblems problems)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add("must be a positive duration", value);
        }
    }

    /// <summary>A positive amount, when set.</summary>
    public static Action<Ec2Configuration, decimal?, ConfigProblems> PositiveAmount(string what) => (_, value, problems) =>
    {
        if (value is { } amount && amount <= 0m)
        {
            problems.Add($"must be a positive {what}", amount);
        }
    };

    private static void Each(IReadOnlyList<string> values, ConfigProblems problems, Action<string, ConfigProblems> check)
    {
        for (var i = 0; i < values.Count; i++)
        {
            check(values[i], problems.At($"[{i}]"));
        }
    }
}
