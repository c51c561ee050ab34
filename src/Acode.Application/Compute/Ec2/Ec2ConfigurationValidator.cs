using System.Globalization;
using System.Net;
using System.Text;

namespace Acode.Application.Compute.Ec2;

/// <summary>
/// Checks an <see cref="Ec2Configuration"/> and returns every problem at once (spec UT-001), one line each:
/// <c>ec2Target.&lt;yaml key&gt;: &lt;problem&gt;, got &lt;value&gt;</c>. Pure: it checks syntax and consistency only; whether
/// an AMI or subnet exists is for the AWS calls to find out.
/// </summary>
public static class Ec2ConfigurationValidator
{
    /// <summary>AWS's limit on raw user data (16 KB before base64).</summary>
    public const int MaxUserDataBytes = 16 * 1024;

    private static readonly string[] VolumeTypes = ["gp3", "gp2"];

    /// <summary>Returns every problem, or an empty list when the configuration is usable.</summary>
    public static IReadOnlyList<string> Validate(Ec2Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        void Add(string key, string problem, object? value) => problems.Add(Problem(key, problem, value));

        CheckRegion(configuration, Add);
        CheckInstanceType("instanceType", configuration.InstanceType, Add);
        for (var i = 0; i < configuration.SpotInstanceTypes.Count; i++)
        {
            CheckInstanceType($"spotInstanceTypes[{i}]", configuration.SpotInstanceTypes[i], Add);
        }

        for (var i = 0; i < configuration.InstanceTypes.Count; i++)
        {
            CheckInstanceType($"instanceTypes[{i}]", configuration.InstanceTypes[i], Add);
        }

        for (var i = 0; i < configuration.Subnets.Count; i++)
        {
            CheckId($"subnets[{i}]", configuration.Subnets[i], Ec2Formats.SubnetId(), "subnet-", Add);
        }

        if (configuration.Subnets.Count > 0 && configuration.SubnetId is not null)
        {
            Add("subnets", "set either subnetId or subnets, not both", string.Join(",", configuration.Subnets));
        }

        CheckImage(configuration.AmiId, Add);
        CheckId("subnetId", configuration.SubnetId, Ec2Formats.SubnetId(), "subnet-", Add);
        CheckId("vpcId", configuration.VpcId, Ec2Formats.VpcId(), "vpc-", Add);
        for (var i = 0; i < configuration.SecurityGroupIds.Count; i++)
        {
            CheckId($"securityGroupIds[{i}]", configuration.SecurityGroupIds[i], Ec2Formats.SecurityGroupId(), "sg-", Add);
        }

        if (configuration.Tenancy != Ec2Defaults.Tenancy)
        {
            Add("tenancy", "only default (shared) tenancy is supported; dedicated instances and hosts are out of scope", configuration.Tenancy);
        }

        CheckKeys(configuration, Add);
        CheckSpot(configuration, Add);
        CheckEbs(configuration, Add);
        CheckTags(configuration.Tags, Add);
        CheckNetwork(configuration, Add);
        CheckSsh(configuration, Add);
        CheckTimings(configuration, Add);
        CheckCost(configuration, Add);
        return problems;
    }

    /// <summary>Throws <see cref="Ec2ConfigurationException"/> listing every problem, if there is any.</summary>
    public static void ThrowIfInvalid(Ec2Configuration configuration)
    {
        var problems = Validate(configuration);
        if (problems.Count > 0)
        {
            throw new Ec2ConfigurationException(problems);
        }
    }

    /// <summary>Formats one problem line; used by the YAML loader too so that every line reads the same.</summary>
    public static string Problem(string key, string problem, object? value) =>
        $"{Ec2Defaults.SectionName}.{key}: {problem}, got {Show(value)}";

    private static string Show(object? value) => value switch
    {
        null => "nothing",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "nothing",
    };

    private static void CheckRegion(Ec2Configuration c, Action<string, string, object?> add)
    {
        if (string.IsNullOrWhiteSpace(c.Region))
        {
            add("region", "is required: " + Ec2Regions.WhereToSetRegion, c.Region);
        }
        else if (!Ec2Regions.IsWellFormed(c.Region))
        {
            // A region newer than acode's list is accepted (well-formed is enough); only a malformed one is refused.
            var hint = DidYouMean.Closest(c.Region, Ec2Regions.Known);
            add("region", "must be a region code like us-west-2" + (hint is null ? string.Empty : $" (did you mean {hint}?)"), c.Region);
        }
    }

    private static void CheckInstanceType(string key, string value, Action<string, string, object?> add)
    {
        var match = Ec2Formats.InstanceType().Match(value ?? string.Empty);
        if (!match.Success)
        {
            add(key, "must be an instance type like t3.medium (family.size)", value);
        }
        else if (match.Groups["family"].Value.StartsWith("mac", StringComparison.Ordinal))
        {
            add(key, "EC2 Mac instances are not supported (out of scope)", value);
        }
    }

    private static void CheckId(string key, string? value, System.Text.RegularExpressions.Regex format, string prefix, Action<string, string, object?> add)
    {
        if (value is not null && !format.IsMatch(value))
        {
            add(key, $"must be an id like {prefix} followed by 8 or 17 hex digits", value);
        }
    }

    private static void CheckImage(string? ami, Action<string, string, object?> add)
    {
        if (ami is null || Ec2Formats.AmiId().IsMatch(ami) || Images.Ec2ImageAliases.Find(ami) is not null)
        {
            return;
        }

        var names = Images.Ec2ImageAliases.All.Select(a => a.Name).ToList();
        var hint = DidYouMean.Closest(ami, names) is { } near ? $" (did you mean {near}?)" : string.Empty;
        add("ami", $"must be an AMI id (ami- followed by 8 or 17 hex digits) or one of {string.Join(", ", names)}{hint}", ami);
    }

    private static void CheckKeys(Ec2Configuration c, Action<string, string, object?> add)
    {
        if (c.KeyPairName is not null && !Ec2Formats.KeyPairName().IsMatch(c.KeyPairName))
        {
            add("keyPairName", "must be 1 to 255 printable ASCII characters", c.KeyPairName);
        }

        if (c.AutoKeyPair == true && c.KeyPairName is not null)
        {
            add("autoKeyPair", "cannot be true together with keyPairName (pick one)", true);
        }

        if (c.AutoKeyPair == false && c.KeyPairName is null)
        {
            add("keyPairName", "is required when autoKeyPair is false", null);
        }

        if (c.InstanceProfileArn is { } profile
            && !Ec2Formats.InstanceProfileName().IsMatch(profile)
            && !Ec2Formats.InstanceProfileArn().IsMatch(profile))
        {
            add("instanceProfile", "must be an instance profile name or arn:aws:iam::<account>:instance-profile/<name>", profile);
        }
    }

    private static void CheckSpot(Ec2Configuration c, Action<string, string, object?> add)
    {
        if (c.SpotMaxPrice is { } price && price <= 0m)
        {
            add("spotMaxPrice", "must be a positive price in USD per hour", price);
        }
    }

    private static void CheckEbs(Ec2Configuration c, Action<string, string, object?> add)
    {
        if (c.EbsSizeGb is < Ec2Defaults.MinEbsSizeGb or > Ec2Defaults.MaxEbsSizeGb)
        {
            add("ebsSizeGb", $"must be between {Ec2Defaults.MinEbsSizeGb} and {Ec2Defaults.MaxEbsSizeGb}", c.EbsSizeGb);
        }

        if (c.EbsKmsKeyId is { } kms && !Ec2Formats.KmsKeyId().IsMatch(kms))
        {
            add("ebsKmsKeyId", "must be a KMS key id, alias/NAME, or a key or alias ARN (arn:aws:kms:...)", kms);
        }

        if (!VolumeTypes.Contains(c.EbsVolumeType))
        {
            add("ebsVolumeType", "must be gp3 or gp2", c.EbsVolumeType);
        }
    }

    private static void CheckTags(IReadOnlyDictionary<string, string> tags, Action<string, string, object?> add)
    {
        var limit = Ec2Defaults.MaxTagsPerResource - Ec2Defaults.AcodeOwnTagCount;
        if (tags.Count > limit)
        {
            add("tags", $"at most {limit} tags (AWS allows {Ec2Defaults.MaxTagsPerResource}, acode uses {Ec2Defaults.AcodeOwnTagCount})", tags.Count);
        }

        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var path = $"tags.{key}";
            if (key.Length is 0 or > Ec2Defaults.MaxTagKeyLength)
            {
                add(path, $"tag keys must be 1 to {Ec2Defaults.MaxTagKeyLength} characters", key.Length);
            }

            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                add(path, "tag keys starting with aws: are reserved by AWS", key);
            }
            else if (key == Ec2Defaults.AcodeTagKey || key.StartsWith(Ec2Defaults.AcodeTagKey + ":", StringComparison.Ordinal))
            {
                add(path, "tag keys acode and acode:* are set by acode itself", key);
            }

            if ((value ?? string.Empty).Length > Ec2Defaults.MaxTagValueLength)
            {
                add(path, $"tag values must be at most {Ec2Defaults.MaxTagValueLength} characters", value!.Length);
            }
        }
    }

    private static void CheckNetwork(Ec2Configuration c, Action<string, string, object?> add)
    {
        for (var i = 0; i < c.SshSourceCidrs.Count; i++)
        {
            if (!IPNetwork.TryParse(c.SshSourceCidrs[i], out _))
            {
                add($"sshSourceCidrs[{i}]", "must be a CIDR block like 203.0.113.7/32", c.SshSourceCidrs[i]);
            }
        }

        if (c.SshSourceCidrs.Count > 0 && !c.UsesTempSecurityGroup)
        {
            add("sshSourceCidrs", "has no effect without a temporary security group (createTempSecurityGroup: true, or no securityGroupIds)", string.Join(",", c.SshSourceCidrs));
        }

        if (c.ImdsHopLimit is < 1 or > 64)
        {
            add("imdsHopLimit", "must be between 1 and 64 (2 for containers on the instance)", c.ImdsHopLimit);
        }

        if (c.ElasticIp is { } eip && eip != Ec2Defaults.ElasticIpAuto && !Ec2Formats.ElasticIpAllocationId().IsMatch(eip))
        {
            add("elasticIp", "must be auto or an allocation id like eipalloc-0123456789abcdef0", eip);
        }

        if (c.ElasticIp is not null && c.UsePrivateIp)
        {
            add("elasticIp", "cannot be used with usePrivateIp: true (acode would not connect through it)", c.ElasticIp);
        }

        if (!c.AssociatePublicIp && !c.UsePrivateIp && c.ElasticIp is null)
        {
            add("associatePublicIp", "leaves no address to connect to: set usePrivateIp or elasticIp", false);
        }

        if (c.EndpointUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            add("endpointUrl", "must be an absolute http or https URL", url.OriginalString);
        }

        if (c.Profile is not null && string.IsNullOrWhiteSpace(c.Profile))
        {
            add("profile", "must not be empty", c.Profile);
        }

        if (c.UserData is { } userData && Encoding.UTF8.GetByteCount(userData) > MaxUserDataBytes)
        {
            add("userData", $"must be at most {MaxUserDataBytes} bytes", $"{Encoding.UTF8.GetByteCount(userData)} bytes");
        }
    }

    private static void CheckSsh(Ec2Configuration c, Action<string, string, object?> add)
    {
        if (c.SshUser is not null && !Ec2Formats.SshUser().IsMatch(c.SshUser))
        {
            add("sshUser", "must be a Linux user name", c.SshUser);
        }

        if (c.SshPort is < 1 or > 65535)
        {
            add("sshPort", "must be between 1 and 65535", c.SshPort);
        }

        if (c.SshRetryCount < 0)
        {
            add("sshRetryCount", "must be zero or more", c.SshRetryCount);
        }

        if (c.PrivateKeyPath is not null && string.IsNullOrWhiteSpace(c.PrivateKeyPath))
        {
            add("privateKeyPath", "must not be empty", c.PrivateKeyPath);
        }
    }

    private static void CheckTimings(Ec2Configuration c, Action<string, string, object?> add)
    {
        (string Key, TimeSpan Value)[] durations =
        [
            ("pollInterval", c.PollInterval), ("provisionTimeout", c.ProvisionTimeout), ("sshReadyTimeout", c.SshReadyTimeout),
            ("sshRetryInterval", c.SshRetryInterval), ("maxLifetime", c.MaxLifetime), ("heartbeatTimeout", c.HeartbeatTimeout),
        ];
        foreach (var (key, value) in durations.Where(d => d.Value <= TimeSpan.Zero))
        {
            add(key, "must be a positive duration", value);
        }

        if (c.DeadManSwitch && c.HeartbeatTimeout > TimeSpan.Zero && c.HeartbeatTimeout >= c.MaxLifetime)
        {
            add("heartbeatTimeout", "must be shorter than maxLifetime", c.HeartbeatTimeout);
        }
    }

    private static void CheckCost(Ec2Configuration c, Action<string, string, object?> add)
    {
        if (c.CostAlertThreshold is { } threshold && threshold <= 0m)
        {
            add("costAlertThreshold", "must be a positive amount in USD", threshold);
        }

        if (c.SavingsPlan is { } plan && plan.DiscountPercent is <= 0m or >= 100m)
        {
            add("savingsPlan.discountPercent", "must be more than 0 and less than 100", plan.DiscountPercent);
        }
    }
}
