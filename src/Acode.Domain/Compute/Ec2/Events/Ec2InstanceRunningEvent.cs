namespace Acode.Domain.Compute.Ec2.Events;

/// <summary>The instance is running and accepts SSH.</summary>
/// <param name="InstanceId">The instance id.</param>
/// <param name="Host">The address acode connects to (public, private or Elastic IP, by configuration).</param>
/// <param name="ProvisionDuration">From the start of PrepareAsync to ready.</param>
/// <param name="ReadyAt">When SSH authentication first succeeded.</param>
public sealed record Ec2InstanceRunningEvent(
    string InstanceId,
    string Host,
    TimeSpan ProvisionDuration,
    DateTimeOffset ReadyAt);
