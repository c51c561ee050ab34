namespace Acode.Domain.Compute.Ec2;

/// <summary>How an instance was bought: EC2's <c>InstanceLifecycle</c>.</summary>
public enum Ec2InstanceLifecycle
{
    /// <summary>On-demand (EC2 reports no lifecycle for these).</summary>
    OnDemand,

    /// <summary>A spot instance, which AWS may interrupt with a two-minute notice.</summary>
    Spot,
}
