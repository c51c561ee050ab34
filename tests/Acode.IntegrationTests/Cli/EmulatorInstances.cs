using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.IntegrationTests.Cli;

/// <summary>Instances launched straight through the SDK (as a user, or another tool, would), with exactly the tags given.</summary>
internal static class EmulatorInstances
{
    public static async Task<string> RunAsync(AmazonEC2Client ec2, Tag[] tags, string? keyName = null, string? groupId = null)
    {
        var images = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"] })).Images;
        var launched = await ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = images[0].ImageId,
            InstanceType = InstanceType.T3Micro,
            MinCount = 1,
            MaxCount = 1,
            KeyName = keyName,
            SecurityGroupIds = groupId is null ? null : [groupId],
            TagSpecifications = tags.Length == 0 ? null : [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [.. tags] }],
        });
        return launched.Reservation.Instances[0].InstanceId;
    }
}
