namespace Acode.Application.Compute.Ec2.Spot;

/// <summary>AWS's word that a spot instance is being interrupted (FR-051).</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Action">The notice's action (<c>terminate</c>, <c>stop</c>, <c>hibernate</c>) or, from DescribeInstances, EC2's state reason code.</param>
/// <param name="InterruptionTime">When AWS interrupts (the notice's time), or when the state change was observed.</param>
/// <param name="Source">Where it was seen: <c>imds</c> (the two-minute notice) or <c>describe-instances</c> (the state reason).</param>
public sealed record SpotInterruptionNotice(string InstanceId, string Action, DateTimeOffset InterruptionTime, string Source)
{
    /// <summary>Seen in the instance's metadata <c>spot/instance-action</c>.</summary>
    public const string ImdsSource = "imds";

    /// <summary>Seen in DescribeInstances' state reason.</summary>
    public const string DescribeInstancesSource = "describe-instances";
}
