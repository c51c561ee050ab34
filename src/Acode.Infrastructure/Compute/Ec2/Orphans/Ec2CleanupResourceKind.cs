namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>What kind of acode resource a cleanup line is about.</summary>
public enum Ec2CleanupResourceKind
{
    /// <summary>An EC2 instance.</summary>
    Instance,

    /// <summary>A temporary security group acode created for a session.</summary>
    SecurityGroup,

    /// <summary>A key pair acode imported for a session.</summary>
    KeyPair,
}
