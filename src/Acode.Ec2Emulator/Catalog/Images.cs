namespace Acode.Ec2Emulator.Catalog;

/// <summary>
/// The public images: Amazon Linux 2 and 2023 (owner alias <c>amazon</c>, account 137112412989), Canonical's Ubuntu
/// 22.04 and 24.04 (account 099720109477) and Debian 12 (account 136693071363), each behind its publisher's public SSM
/// parameters. The AMI decides the login user: ec2-user for Amazon Linux, ubuntu for Ubuntu, admin for Debian.
/// </summary>
internal static class Images
{
    public const string AmazonOwner = "137112412989";
    public const string CanonicalOwner = "099720109477";
    public const string DebianOwner = "136693071363";
    private const string UbuntuNoble = "/aws/service/canonical/ubuntu/server/24.04/stable/current/";
    private const string AlPrefix = "/aws/service/ami-amazon-linux-latest/";

    public static readonly IReadOnlyList<ImageRecord> All =
    [
        new("ami-0a1f2e3d4c5b6a701", "amzn2-ami-kernel-5.10-hvm-2.0.20251101.0-x86_64-gp2", "Amazon Linux 2 Kernel 5.10 AMI 2.0.20251101.0 x86_64 HVM gp2",
            AmazonOwner, "amazon", "x86_64", "ec2-user", "/dev/xvda", 8, "gp2", "snap-0a1f2e3d4c5b6a701", "2025-11-01T00:00:00.000Z",
            [AlPrefix + "amzn2-ami-hvm-x86_64-gp2", AlPrefix + "amzn2-ami-kernel-5.10-hvm-x86_64-gp2", AlPrefix + "amzn2-ami-hvm-x86_64-ebs"]),
        new("ami-0a1f2e3d4c5b6a702", "amzn2-ami-kernel-5.10-hvm-2.0.20251101.0-arm64-gp2", "Amazon Linux 2 Kernel 5.10 AMI 2.0.20251101.0 arm64 HVM gp2",
            AmazonOwner, "amazon", "arm64", "ec2-user", "/dev/xvda", 8, "gp2", "snap-0a1f2e3d4c5b6a702", "2025-11-01T00:00:00.000Z",
            [AlPrefix + "amzn2-ami-hvm-arm64-gp2", AlPrefix + "amzn2-ami-kernel-5.10-hvm-arm64-gp2"]),
        new("ami-0b2e3f4a5d6c7b801", "al2023-ami-2023.9.20251105.0-kernel-6.1-x86_64", "Amazon Linux 2023 AMI 2023.9.20251105.0 x86_64 HVM kernel-6.1",
            AmazonOwner, "amazon", "x86_64", "ec2-user", "/dev/xvda", 8, "gp3", "snap-0b2e3f4a5d6c7b801", "2025-11-05T00:00:00.000Z",
            [AlPrefix + "al2023-ami-kernel-default-x86_64", AlPrefix + "al2023-ami-kernel-6.1-x86_64"]),
        new("ami-0b2e3f4a5d6c7b802", "al2023-ami-2023.9.20251105.0-kernel-6.1-arm64", "Amazon Linux 2023 AMI 2023.9.20251105.0 arm64 HVM kernel-6.1",
            AmazonOwner, "amazon", "arm64", "ec2-user", "/dev/xvda", 8, "gp3", "snap-0b2e3f4a5d6c7b802", "2025-11-05T00:00:00.000Z",
            [AlPrefix + "al2023-ami-kernel-default-arm64", AlPrefix + "al2023-ami-kernel-6.1-arm64"]),
        new("ami-0c3d4e5f6a7b8c901", "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20251101", "Canonical, Ubuntu, 22.04 LTS, amd64 jammy image build on 2025-11-01",
            CanonicalOwner, null, "x86_64", "ubuntu", "/dev/sda1", 8, "gp2", "snap-0c3d4e5f6a7b8c901", "2025-11-01T00:00:00.000Z",
            ["/aws/service/canonical/ubuntu/server/22.04/stable/current/amd64/hvm/ebs-gp2/ami-id"]),
        new("ami-0c3d4e5f6a7b8ca01", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20251101", "Canonical, Ubuntu, 24.04, amd64 noble image",
            CanonicalOwner, null, "x86_64", "ubuntu", "/dev/sda1", 8, "gp3", "snap-0c3d4e5f6a7b8ca01", "2025-11-01T00:00:00.000Z",
            [UbuntuNoble + "amd64/hvm/ebs-gp3/ami-id"]),
        new("ami-0c3d4e5f6a7b8ca02", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20251101", "Canonical, Ubuntu, 24.04, arm64 noble image",
            CanonicalOwner, null, "arm64", "ubuntu", "/dev/sda1", 8, "gp3", "snap-0c3d4e5f6a7b8ca02", "2025-11-01T00:00:00.000Z",
            [UbuntuNoble + "arm64/hvm/ebs-gp3/ami-id"]),
        new("ami-0d4e5f6a7b8c9d001", "debian-12-amd64-20251101-2283", "Debian 12 (20251101-2283)",
            DebianOwner, null, "x86_64", "admin", "/dev/xvda", 8, "gp3", "snap-0d4e5f6a7b8c9d001", "2025-11-01T00:00:00.000Z",
            ["/aws/service/debian/release/12/latest/amd64", "/aws/service/debian/release/bookworm/latest/amd64"]),
        new("ami-0d4e5f6a7b8c9d002", "debian-12-arm64-20251101-2283", "Debian 12 (20251101-2283)",
            DebianOwner, null, "arm64", "admin", "/dev/xvda", 8, "gp3", "snap-0d4e5f6a7b8c9d002", "2025-11-01T00:00:00.000Z",
            ["/aws/service/debian/release/12/latest/arm64", "/aws/service/debian/release/bookworm/latest/arm64"]),
    ];

    public static ImageRecord? Find(string imageId) => All.FirstOrDefault(i => i.ImageId == imageId);
}
