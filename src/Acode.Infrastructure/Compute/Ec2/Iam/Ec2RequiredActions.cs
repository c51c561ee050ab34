namespace Acode.Infrastructure.Compute.Ec2.Iam;

/// <summary>
/// Every AWS API action the EC2 target calls, in one list (NFR-009). <c>docs/iam-policy.json</c> must grant each of
/// them (a test checks it), and the emulator's per-key allow-list can use the same list to prove the target needs no
/// more. Add an action here in the same change that first calls it.
/// </summary>
public static class Ec2RequiredActions
{
    /// <summary>Actions the target always needs.</summary>
    public static IReadOnlyList<string> Required { get; } =
    [
        "ec2:RunInstances",
        "ec2:CreateTags",
        "ec2:DescribeInstances",
        "ec2:DescribeImages",
        "ec2:DescribeInstanceTypes",
        "ec2:DescribeInstanceTypeOfferings",
        "ec2:DescribeSpotPriceHistory",
        "ec2:DescribeReservedInstances",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeKeyPairs",
        "ec2:DescribeSubnets",
        "ec2:DescribeVpcs",
        "ec2:DescribeAvailabilityZones",
        "ec2:DescribeVolumes",
        "ec2:DescribeAddresses",
        "ec2:GetConsoleOutput",
        "ec2:TerminateInstances",
        "ec2:StopInstances",
        "ec2:StartInstances",
        "ec2:CreateSecurityGroup",
        "ec2:DeleteSecurityGroup",
        "ec2:AuthorizeSecurityGroupIngress",
        "ec2:RevokeSecurityGroupIngress",
        "ec2:ImportKeyPair",
        "ec2:DeleteKeyPair",
        "ssm:GetParameter",
        "ssm:GetParameters",
        "sts:GetCallerIdentity",
    ];

    /// <summary>
    /// Actions needed only with optional features: <c>iam:PassRole</c> with an instance profile, Associate/DisassociateAddress
    /// with an Elastic IP, Allocate/ReleaseAddress with <c>elasticIp: auto</c>, CreateFleet and Create/DeleteLaunchTemplate
    /// with spot (one instant EC2 Fleet over the spot types and AZs).
    /// </summary>
    public static IReadOnlyList<string> Optional { get; } =
    [
        "iam:PassRole",
        "ec2:AssociateAddress",
        "ec2:DisassociateAddress",
        "ec2:AllocateAddress",
        "ec2:ReleaseAddress",
        "ec2:CreateFleet",
        "ec2:CreateLaunchTemplate",
        "ec2:DeleteLaunchTemplate",
    ];
}
