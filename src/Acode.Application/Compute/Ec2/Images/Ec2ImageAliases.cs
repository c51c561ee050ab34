namespace Acode.Application.Compute.Ec2.Images;

/// <summary>
/// The images <c>ec2Target.ami</c> may name instead of an id. The default is Amazon Linux 2023, not the spec's Amazon
/// Linux 2 (FR-011): AL2 reached end of support on 2026-06-30, and a tool that makes fresh machines on demand must
/// not hand out an OS without security updates. <c>al2</c> stays available by name, with a warning.
/// </summary>
public static class Ec2ImageAliases
{
    /// <summary>Amazon Linux 2023: the default.</summary>
    public static readonly Ec2ImageAlias AmazonLinux2023 = new(
        "al2023",
        "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
        "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64",
        "ec2-user");

    /// <summary>Amazon Linux 2, end of support 2026-06-30.</summary>
    public static readonly Ec2ImageAlias AmazonLinux2 = new(
        "al2",
        "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2",
        "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-arm64-gp2",
        "ec2-user",
        "ec2Target.ami: al2 (Amazon Linux 2) reached end of support on 2026-06-30 and gets no more security updates; use al2023 (the default) unless a workload needs AL2");

    /// <summary>Canonical's Ubuntu 24.04 LTS.</summary>
    public static readonly Ec2ImageAlias Ubuntu2404 = new(
        "ubuntu-24.04",
        "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id",
        "/aws/service/canonical/ubuntu/server/24.04/stable/current/arm64/hvm/ebs-gp3/ami-id",
        "ubuntu");

    /// <summary>Debian 12 (bookworm), published by the Debian cloud team.</summary>
    public static readonly Ec2ImageAlias Debian12 = new(
        "debian-12",
        "/aws/service/debian/release/12/latest/amd64",
        "/aws/service/debian/release/12/latest/arm64",
        "admin");

    /// <summary>Every alias, the default first.</summary>
    public static readonly IReadOnlyList<Ec2ImageAlias> All = [AmazonLinux2023, AmazonLinux2, Ubuntu2404, Debian12];

    /// <summary>The alias of that name (case-insensitive), or null.</summary>
    public static Ec2ImageAlias? Find(string? name) =>
        name is null ? null : All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The alias a configured <c>ami</c> means: the default when none is set, null for an AMI id.</summary>
    public static Ec2ImageAlias? For(string? ami) => ami is null ? AmazonLinux2023 : Find(ami);
}
