namespace Acode.Ec2Emulator.Catalog;

/// <summary>
/// The public images: Amazon Linux 2 and 2023 (owner alias <c>amazon</c>, account 137112412989) and Canonical's
/// Ubuntu 22.04 (account 099720109477). The AMI decides the login user: ec2-user for Amazon Linux, ubuntu for Ubuntu.
/// </summary>
internal static class Images
{
    public const string AmazonOwner = "137112412989";
    public const string CanonicalOwner = "099720109477";
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
    ];

    public static ImageRecord? Find(string imageId) => All.FirstOrDefault(i => i.ImageId == imageId);
}
