using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Spot;

namespace Acode.Infrastructure.Compute.Ec2.Provisioning;

/// <summary>Everything one launch needs besides the client.</summary>
public sealed record Ec2LaunchRequest
{
    /// <summary>Gets the configuration with the resolved AMI, the key pair name, every security group and the finished user data.</summary>
    public required Ec2Configuration Configuration { get; init; }

    /// <summary>Gets the attempts, tried in order; the next one only after a capacity error.</summary>
    public required IReadOnlyList<LaunchAttempt> Attempts { get; init; }

    /// <summary>Gets the tags for the instance and its volume.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>Gets the launch's idempotency token, unique per launch (each attempt appends its index).</summary>
    public required string LaunchToken { get; init; }

    /// <summary>Gets the AMI's root device name.</summary>
    public string RootDeviceName { get; init; } = Ec2RunInstancesRequests.DefaultRootDevice;
}
