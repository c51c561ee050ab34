using Acode.Application.Compute.Ec2;
using YamlDotNet.RepresentationModel;

namespace Acode.Infrastructure.Configuration;

/// <summary>
/// Binds the <c>ec2Target:</c> mapping onto <see cref="Ec2Configuration"/>: camelCase keys exactly as the spec's User
/// Manual (<c>ami</c>, <c>instanceProfile</c>, ...) plus the keys acode adds. Unknown keys are problems with a
/// did-you-mean; an explicit null keeps the default.
/// </summary>
internal static class Ec2ConfigurationYamlBinder
{
    private delegate Ec2Configuration Bind(Ec2Configuration c, YamlNode node, YamlReader r);

    private static readonly Dictionary<string, Bind> Keys = new(StringComparer.Ordinal)
    {
        ["region"] = (c, n, r) => r.String("region", n) is { } v ? c with { Region = v } : c,
        ["instanceType"] = (c, n, r) => r.String("instanceType", n) is { } v ? c with { InstanceType = v } : c,
        ["ami"] = (c, n, r) => c with { AmiId = r.String("ami", n) },
        ["vpcId"] = (c, n, r) => c with { VpcId = r.String("vpcId", n) },
        ["subnetId"] = (c, n, r) => c with { SubnetId = r.String("subnetId", n) },
        ["securityGroupIds"] = (c, n, r) => r.List("securityGroupIds", n) is { } v ? c with { SecurityGroupIds = v } : c,
        ["keyPairName"] = (c, n, r) => c with { KeyPairName = r.String("keyPairName", n) },
        ["autoKeyPair"] = (c, n, r) => c with { AutoKeyPair = r.Bool("autoKeyPair", n) },
        ["privateKeyPath"] = (c, n, r) => c with { PrivateKeyPath = r.String("privateKeyPath", n) },
        ["instanceProfile"] = (c, n, r) => c with { InstanceProfileArn = r.String("instanceProfile", n) },
        ["spotEnabled"] = (c, n, r) => r.Bool("spotEnabled", n) is { } v ? c with { SpotEnabled = v } : c,
        ["spotMaxPrice"] = (c, n, r) => c with { SpotMaxPrice = r.Decimal("spotMaxPrice", n) },
        ["instanceTypes"] = (c, n, r) => r.List("instanceTypes", n) is { } v ? c with { InstanceTypes = v } : c,
        ["subnets"] = (c, n, r) => r.List("subnets", n) is { } v ? c with { Subnets = v } : c,
        ["spotInstanceTypes"] = (c, n, r) => r.List("spotInstanceTypes", n) is { } v ? c with { SpotInstanceTypes = v } : c,
        ["spotFallbackToOnDemand"] = (c, n, r) => r.Bool("spotFallbackToOnDemand", n) is { } v ? c with { SpotFallbackToOnDemand = v } : c,
        ["tenancy"] = (c, n, r) => r.String("tenancy", n) is { } v ? c with { Tenancy = v } : c,
        ["ebsSizeGb"] = (c, n, r) => r.Int("ebsSizeGb", n) is { } v ? c with { EbsSizeGb = v } : c,
        ["ebsVolumeType"] = (c, n, r) => r.String("ebsVolumeType", n) is { } v ? c with { EbsVolumeType = v } : c,
        ["ebsKmsKeyId"] = (c, n, r) => c with { EbsKmsKeyId = r.String("ebsKmsKeyId", n) },
        ["imdsHopLimit"] = (c, n, r) => r.Int("imdsHopLimit", n) is { } v ? c with { ImdsHopLimit = v } : c,
        ["tags"] = (c, n, r) => r.Map("tags", n) is { } v ? c with { Tags = v } : c,
        ["createTempSecurityGroup"] = (c, n, r) => r.Bool("createTempSecurityGroup", n) is { } v ? c with { CreateTempSecurityGroup = v } : c,
        ["sshSourceCidrs"] = (c, n, r) => r.List("sshSourceCidrs", n) is { } v ? c with { SshSourceCidrs = v } : c,
        ["associatePublicIp"] = (c, n, r) => r.Bool("associatePublicIp", n) is { } v ? c with { AssociatePublicIp = v } : c,
        ["usePrivateIp"] = (c, n, r) => r.Bool("usePrivateIp", n) is { } v ? c with { UsePrivateIp = v } : c,
        ["elasticIp"] = (c, n, r) => c with { ElasticIp = r.String("elasticIp", n) },
        ["userData"] = (c, n, r) => c with { UserData = r.String("userData", n) },
        ["endpointUrl"] = (c, n, r) => c with { EndpointUrl = r.Url("endpointUrl", n) },
        ["profile"] = (c, n, r) => c with { Profile = r.String("profile", n) },
        ["sshUser"] = (c, n, r) => c with { SshUser = r.String("sshUser", n) },
        ["sshPort"] = (c, n, r) => r.Int("sshPort", n) is { } v ? c with { SshPort = v } : c,
        ["hostKeyVerification"] = (c, n, r) => r.Enum<Ec2HostKeyVerification>("hostKeyVerification", n) is { } v ? c with { HostKeyVerification = v } : c,
        ["pollInterval"] = (c, n, r) => r.Duration("pollInterval", n) is { } v ? c with { PollInterval = v } : c,
        ["provisionTimeout"] = (c, n, r) => r.Duration("provisionTimeout", n) is { } v ? c with { ProvisionTimeout = v } : c,
        ["sshReadyTimeout"] = (c, n, r) => r.Duration("sshReadyTimeout", n) is { } v ? c with { SshReadyTimeout = v } : c,
        ["sshRetryCount"] = (c, n, r) => r.Int("sshRetryCount", n) is { } v ? c with { SshRetryCount = v } : c,
        ["sshRetryInterval"] = (c, n, r) => r.Duration("sshRetryInterval", n) is { } v ? c with { SshRetryInterval = v } : c,
        ["deadManSwitch"] = (c, n, r) => r.Bool("deadManSwitch", n) is { } v ? c with { DeadManSwitch = v } : c,
        ["maxLifetime"] = (c, n, r) => r.Duration("maxLifetime", n) is { } v ? c with { MaxLifetime = v } : c,
        ["heartbeatTimeout"] = (c, n, r) => r.Duration("heartbeatTimeout", n) is { } v ? c with { HeartbeatTimeout = v } : c,
        ["costAlertThreshold"] = (c, n, r) => c with { CostAlertThreshold = r.Decimal("costAlertThreshold", n) },
        ["savingsPlan"] = (c, n, r) => c with { SavingsPlan = BindSavingsPlan(n, r) },
    };

    private static readonly string[] SavingsPlanKeys = ["discountPercent", "instanceFamilies", "regions"];

    /// <summary>Every key the <c>ec2Target:</c> block accepts, for documentation and suggestions.</summary>
    public static IReadOnlyCollection<string> KnownKeys => Keys.Keys;

    public static Ec2Configuration BindSection(YamlNode section, YamlReader reader)
    {
        var configuration = new Ec2Configuration { Region = string.Empty };
        if (section is not YamlMappingNode mapping)
        {
            if (!YamlReader.IsNull(section))
            {
                reader.Problem("(section)", "must be a map of settings", section);
            }

            return configuration;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!Keys.TryGetValue(key, out var bind))
            {
                var hint = DidYouMean.Closest(key, Keys.Keys);
                reader.Problem(key, "is not a known key" + (hint is null ? string.Empty : $" (did you mean {hint}?)"), valueNode);
                continue;
            }

            if (!YamlReader.IsNull(valueNode))
            {
                configuration = bind(configuration, valueNode, reader);
            }
        }

        return configuration;
    }

    private static Ec2SavingsPlan? BindSavingsPlan(YamlNode node, YamlReader reader)
    {
        if (node is not YamlMappingNode mapping)
        {
            reader.Problem("savingsPlan", "must be a map with discountPercent (and optionally instanceFamilies, regions)", node);
            return null;
        }

        decimal? discount = null;
        IReadOnlyList<string> families = [];
        IReadOnlyList<string> regions = [];
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            switch (key)
            {
                case "discountPercent": discount = reader.Decimal("savingsPlan.discountPercent", valueNode); break;
                case "instanceFamilies": families = reader.List("savingsPlan.instanceFamilies", valueNode) ?? []; break;
                case "regions": regions = reader.List("savingsPlan.regions", valueNode) ?? []; break;
                default:
                    var hint = DidYouMean.Closest(key, SavingsPlanKeys);
                    reader.Problem("savingsPlan." + key, "is not a known key" + (hint is null ? string.Empty : $" (did you mean {hint}?)"), valueNode);
                    break;
            }
        }

        if (discount is null)
        {
            reader.Problem("savingsPlan.discountPercent", "is required", node);
            return null;
        }

        return new Ec2SavingsPlan { DiscountPercent = discount.Value, InstanceFamilies = families, Regions = regions };
    }
}
