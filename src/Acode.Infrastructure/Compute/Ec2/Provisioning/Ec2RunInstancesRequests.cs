using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Spot;
using Acode.Infrastructure.Compute.Ec2.Spot;
using Acode.Infrastructure.Compute.Ec2.Tagging;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.Infrastructure.Compute.Ec2.Provisioning;

/// <summary>
/// Builds the one RunInstances request of a launch attempt, real or dry run (<c>target test --dry-run</c> sends this
/// same request with <c>DryRun</c>): every launch parameter is decided here. Secure by default (issue 13): IMDSv2
/// required with hop limit <c>imdsHopLimit</c>, the root volume encrypted (the account's default EBS key, or
/// <c>ebsKmsKeyId</c>).
/// </summary>
public static class Ec2RunInstancesRequests
{
    /// <summary>The root device name when the AMI's is not known: Amazon Linux's.</summary>
    public const string DefaultRootDevice = "/dev/xvda";

    /// <summary>Builds the request.</summary>
    /// <param name="configuration">The configuration, with <c>AmiId</c>, <c>KeyPairName</c>, <c>SecurityGroupIds</c> and the finished <c>UserData</c> filled in.</param>
    /// <param name="attempt">The instance type and market of this attempt (from <see cref="SpotLaunchPlanner"/>).</param>
    /// <param name="launchToken">The launch's idempotency token; the attempt derives its own ClientToken from it.</param>
    /// <param name="tags">acode's and the user's tags, put on the instance and its volume at creation.</param>
    /// <param name="rootDeviceName">The AMI's root device name.</param>
    /// <param name="dryRun">Ask EC2 whether the launch would be allowed, without launching.</param>
    public static RunInstancesRequest Build(Ec2Configuration configuration, LaunchAttempt attempt, string launchToken, IReadOnlyDictionary<string, string> tags, string rootDeviceName = DefaultRootDevice, bool dryRun = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var subnetId = attempt.SubnetId ?? configuration.SubnetId;
        var request = new RunInstancesRequest
        {
            ImageId = configuration.AmiId ?? throw new ArgumentException("The AMI must be resolved before launch.", nameof(configuration)),
            DryRun = dryRun ? true : null,
            MinCount = 1,
            MaxCount = 1,
            KeyName = configuration.KeyPairName,
            InstanceInitiatedShutdownBehavior = ShutdownBehavior.FindValue(configuration.InstanceInitiatedShutdownBehavior),
            UserData = configuration.UserData is null ? null : Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(configuration.UserData)),
            TagSpecifications = [Ec2TagSpecifications.For(ResourceType.Instance, tags), Ec2TagSpecifications.For(ResourceType.Volume, tags)],
            BlockDeviceMappings =
            [
                new BlockDeviceMapping
                {
                    DeviceName = rootDeviceName,
                    Ebs = new EbsBlockDevice
                    {
                        VolumeSize = configuration.EbsSizeGb,
                        VolumeType = VolumeType.FindValue(configuration.EbsVolumeType),
                        DeleteOnTermination = true,
                        Encrypted = true,
                        KmsKeyId = configuration.EbsKmsKeyId,
                    },
                },
            ],
        };

        request.MetadataOptions = new InstanceMetadataOptionsRequest
        {
            HttpTokens = HttpTokensState.Required,
            HttpPutResponseHopLimit = configuration.ImdsHopLimit,
            HttpEndpoint = InstanceMetadataEndpointState.Enabled,
        };

        if (configuration.InstanceProfileArn is { } profile)
        {
            request.IamInstanceProfile = profile.StartsWith("arn:", StringComparison.Ordinal)
                ? new IamInstanceProfileSpecification { Arn = profile }
                : new IamInstanceProfileSpecification { Name = profile };
        }

        // A network interface spec is the only way to ask for (or refuse) a public address in a chosen subnet; the
        // subnet and groups then live on the interface.
        if (subnetId is not null || !configuration.AssociatePublicIp)
        {
            request.NetworkInterfaces =
            [
                new InstanceNetworkInterfaceSpecification
                {
                    DeviceIndex = 0,
                    AssociatePublicIpAddress = configuration.AssociatePublicIp,
                    SubnetId = subnetId,
                    Groups = configuration.SecurityGroupIds.Count > 0 ? configuration.SecurityGroupIds.ToList() : null,
                    DeleteOnTermination = true,
                },
            ];
        }
        else if (configuration.SecurityGroupIds.Count > 0)
        {
            request.SecurityGroupIds = configuration.SecurityGroupIds.ToList();
        }

        return Ec2SpotMarketOptions.Apply(request, attempt, launchToken);
    }
}
