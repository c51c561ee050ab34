using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.Infrastructure.Compute.Ec2.Spot;

/// <summary>
/// The launch template an EC2 Fleet launches from, made from the very RunInstances request a launch would send
/// (<see cref="Provisioning.Ec2RunInstancesRequests"/>), so both paths carry the same image, key, groups, user data,
/// IMDSv2, encrypted root volume and tags. The type, subnet and price cap come from the fleet's overrides.
/// </summary>
public static class Ec2LaunchTemplateData
{
    /// <summary>The template data for <paramref name="run"/>, without its instance type and market.</summary>
    public static RequestLaunchTemplateData From(RunInstancesRequest run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RequestLaunchTemplateData
        {
            ImageId = run.ImageId,
            KeyName = run.KeyName,
            UserData = run.UserData,
            InstanceInitiatedShutdownBehavior = run.InstanceInitiatedShutdownBehavior,
            SecurityGroupIds = run.SecurityGroupIds is { Count: > 0 } ids ? [.. ids] : null,
            IamInstanceProfile = run.IamInstanceProfile is { } profile ? new LaunchTemplateIamInstanceProfileSpecificationRequest { Arn = profile.Arn, Name = profile.Name } : null,
            MetadataOptions = run.MetadataOptions is { } m
                ? new LaunchTemplateInstanceMetadataOptionsRequest
                {
                    HttpTokens = LaunchTemplateHttpTokensState.FindValue(m.HttpTokens.Value),
                    HttpPutResponseHopLimit = m.HttpPutResponseHopLimit,
                    HttpEndpoint = LaunchTemplateInstanceMetadataEndpointState.FindValue(m.HttpEndpoint.Value),
                }
                : null,
            BlockDeviceMappings = run.BlockDeviceMappings?.Select(b => new LaunchTemplateBlockDeviceMappingRequest
            {
                DeviceName = b.DeviceName,
                Ebs = b.Ebs is { } ebs
                    ? new LaunchTemplateEbsBlockDeviceRequest
                    {
                        VolumeSize = ebs.VolumeSize, VolumeType = ebs.VolumeType, DeleteOnTermination = ebs.DeleteOnTermination, Encrypted = ebs.Encrypted, KmsKeyId = ebs.KmsKeyId,
                    }
                    : null,
            }).ToList(),
            NetworkInterfaces = run.NetworkInterfaces?.Select(n => new LaunchTemplateInstanceNetworkInterfaceSpecificationRequest
            {
                DeviceIndex = n.DeviceIndex, AssociatePublicIpAddress = n.AssociatePublicIpAddress, SubnetId = n.SubnetId, Groups = n.Groups, DeleteOnTermination = n.DeleteOnTermination,
            }).ToList(),
            TagSpecifications = run.TagSpecifications?.Select(t => new LaunchTemplateTagSpecificationRequest { ResourceType = t.ResourceType, Tags = t.Tags }).ToList(),
        };
    }
}
