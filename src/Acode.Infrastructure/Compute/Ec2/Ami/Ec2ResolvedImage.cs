namespace Acode.Infrastructure.Compute.Ec2.Ami;

/// <summary>The AMI a launch uses and the SSH user it logs in as.</summary>
/// <param name="ImageId">The AMI id.</param>
/// <param name="SshUser">The configured user, else the one the AMI's name implies (ec2-user, ubuntu, admin).</param>
/// <param name="RootDeviceName">The AMI's root device (<c>/dev/xvda</c>, <c>/dev/sda1</c>): the root EBS mapping must name it.</param>
public sealed record Ec2ResolvedImage(string ImageId, string SshUser, string RootDeviceName)
{
    /// <summary>The alias the image was resolved from (the default <c>al2023</c> when no AMI was configured); null for an AMI id.</summary>
    public Acode.Application.Compute.Ec2.Images.Ec2ImageAlias? Alias { get; init; }
}
