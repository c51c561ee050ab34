namespace Acode.Application.Compute.Ec2.Images;

/// <summary>An image named by its operating system instead of an AMI id, resolved per region through a public SSM parameter.</summary>
/// <param name="Name">The alias as written in <c>ec2Target.ami</c>, e.g. <c>al2023</c>.</param>
/// <param name="X86Parameter">The publisher's SSM parameter holding the latest x86_64 AMI id.</param>
/// <param name="Arm64Parameter">The publisher's SSM parameter holding the latest arm64 (Graviton) AMI id.</param>
/// <param name="SshUser">The login user the publisher's images create.</param>
/// <param name="EndOfLifeWarning">Said when the alias is used: the OS no longer receives security updates; null when supported.</param>
public sealed record Ec2ImageAlias(string Name, string X86Parameter, string Arm64Parameter, string SshUser, string? EndOfLifeWarning = null)
{
    /// <summary>The parameter for an architecture.</summary>
    /// <param name="arm64">True for Graviton types.</param>
    public string Parameter(bool arm64) => arm64 ? Arm64Parameter : X86Parameter;
}
