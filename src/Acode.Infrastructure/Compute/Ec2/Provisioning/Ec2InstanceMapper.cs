using Acode.Domain.Compute.Ec2;
using Amazon.EC2.Model;

namespace Acode.Infrastructure.Compute.Ec2.Provisioning;

/// <summary>
/// Maps the SDK's <see cref="Instance"/> to acode's <see cref="Ec2InstanceInfo"/> (absent lists come back null); the one
/// mapping of the target, the orphan sweep and the listing.
/// </summary>
internal static class Ec2InstanceMapper
{
    /// <summary>Maps an instance.</summary>
    public static Ec2InstanceInfo ToInfo(Instance instance, string region, string? elasticIpAllocationId = null) => new()
    {
        InstanceId = instance.InstanceId,
        InstanceType = instance.InstanceType?.Value ?? string.Empty,
        Region = region,
        AvailabilityZone = instance.Placement?.AvailabilityZone,
        PublicIp = string.IsNullOrEmpty(instance.PublicIpAddress) ? null : instance.PublicIpAddress,
        PrivateIp = string.IsNullOrEmpty(instance.PrivateIpAddress) ? null : instance.PrivateIpAddress,
        ElasticIpAllocationId = elasticIpAllocationId,
        State = ToState(instance.State?.Name?.Value),
        StateReason = instance.StateReason?.Message,
        LaunchTime = instance.LaunchTime is { } launched ? ToUtc(launched) : DateTimeOffset.MinValue,
        AmiId = instance.ImageId,
        SubnetId = instance.SubnetId,
        VpcId = instance.VpcId,
        KeyName = instance.KeyName,
        SecurityGroupIds = instance.SecurityGroups?.Select(group => group.GroupId).ToArray() ?? [],
        Lifecycle = instance.InstanceLifecycle?.Value == "spot" ? Ec2InstanceLifecycle.Spot : Ec2InstanceLifecycle.OnDemand,
        Platform = string.IsNullOrEmpty(instance.PlatformDetails) ? Ec2Platforms.LinuxUnix : instance.PlatformDetails,
        Tags = ToDictionary(instance.Tags),
    };

    /// <summary>Tags as a map (the last value wins for a repeated key); empty for none.</summary>
    public static IReadOnlyDictionary<string, string> ToDictionary(IEnumerable<Tag>? tags) =>
        tags?.GroupBy(tag => tag.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value ?? string.Empty, StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A DateTime from the SDK as UTC (it may come as Utc, Local or Unspecified).</summary>
    public static DateTimeOffset ToUtc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? new DateTimeOffset(value.ToUniversalTime()) : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>Maps EC2's state name (pending, running, shutting-down, terminated, stopping, stopped).</summary>
    public static Ec2InstanceState ToState(string? name) => name switch
    {
        "pending" => Ec2InstanceState.Pending,
        "running" => Ec2InstanceState.Running,
        "stopping" => Ec2InstanceState.Stopping,
        "stopped" => Ec2InstanceState.Stopped,
        "shutting-down" => Ec2InstanceState.ShuttingDown,
        "terminated" => Ec2InstanceState.Terminated,
        _ => Ec2InstanceState.Unknown,
    };
}
