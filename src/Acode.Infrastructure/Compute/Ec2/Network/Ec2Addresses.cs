using Acode.Application.Compute.Ec2;
using Acode.Domain.Compute.Ec2;

namespace Acode.Infrastructure.Compute.Ec2.Network;

/// <summary>Which of an instance's addresses acode connects to (FR-028..030).</summary>
public static class Ec2Addresses
{
    /// <summary>
    /// The private address with <c>usePrivateIp</c>; otherwise the public one (an Elastic IP shows up there once
    /// associated), falling back to the private one when the instance has no public address by configuration.
    /// Null while the needed address is not assigned yet.
    /// </summary>
    public static string? Select(Ec2InstanceInfo instance, Ec2Configuration configuration) =>
        configuration.UsePrivateIp ? instance.PrivateIp
        : instance.PublicIp ?? (configuration.AssociatePublicIp || configuration.ElasticIp is not null ? null : instance.PrivateIp);
}
