using System.Net;
using Acode.Application.Compute.Ec2;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.Infrastructure.Compute.Ec2.Diagnostics;

/// <summary>
/// <c>target test</c>'s security-group check (issue 13): with a temporary group acode opens the SSH port to the caller
/// itself; otherwise the groups in use (the configured ones, else the VPC's default group, which on AWS admits only
/// itself) must admit the caller's address on the SSH port, or the check fails with the command that fixes it.
/// </summary>
internal static class Ec2SshIngressCheck
{
    public static async Task<(string, bool)> RunAsync(IAmazonEC2 ec2, Ec2Configuration configuration, Func<CancellationToken, Task<IReadOnlyList<string>>> callerCidrs, CancellationToken cancellationToken)
    {
        var groups = await GroupsAsync(ec2, configuration, cancellationToken).ConfigureAwait(false);
        var names = string.Join(", ", groups.Select(g => $"{g.GroupId} ({g.GroupName})"));
        if (configuration.UsesTempSecurityGroup)
        {
            var opened = string.Join(", ", await callerCidrs(cancellationToken).ConfigureAwait(false));
            return ((groups.Count > 0 ? names + "; " : string.Empty) + $"a temporary group opening port {configuration.SshPort} to {opened} only is created per run", true);
        }

        var cidrs = await callerCidrs(cancellationToken).ConfigureAwait(false);
        var admitted = groups.Any(g => (g.IpPermissions ?? []).Any(p => Admits(p, configuration.SshPort, cidrs)));
        if (admitted)
        {
            return ($"{names}: port {configuration.SshPort} open to {string.Join(", ", cidrs)}", true);
        }

        var first = groups.Count > 0 ? groups[0].GroupId : "sg-...";
        throw new InvalidOperationException(
            $"{(groups.Count > 0 ? names : "no group")} admits no SSH (port {configuration.SshPort}) from {string.Join(", ", cidrs)}: SSH would wait out sshReadyTimeout and fail. "
            + $"Fix: createTempSecurityGroup: true (or remove securityGroupIds), or 'aws ec2 authorize-security-group-ingress --group-id {first} --protocol tcp --port {configuration.SshPort} --cidr {(cidrs.Count > 0 ? cidrs[0] : "YOUR-IP/32")}'");
    }

    /// <summary>Whether a rule lets TCP on <paramref name="port"/> in from every one of <paramref name="cidrs"/>.</summary>
    public static bool Admits(IpPermission permission, int port, IReadOnlyList<string> cidrs)
    {
        var protocol = permission.IpProtocol ?? "-1";
        var portOk = protocol == "-1" || (protocol is "tcp" or "6" && (permission.FromPort ?? 0) <= port && port <= (permission.ToPort ?? 65535));
        if (!portOk || cidrs.Count == 0)
        {
            return false;
        }

        var ranges = (permission.Ipv4Ranges ?? []).Select(r => r.CidrIp).Where(c => c is not null).Select(c => IPNetwork.TryParse(c, out var n) ? n : (IPNetwork?)null).OfType<IPNetwork>().ToList();
        return cidrs.All(c => IPNetwork.TryParse(c, out var caller) && ranges.Any(r => r.PrefixLength <= caller.PrefixLength && r.Contains(caller.BaseAddress)));
    }

    private static async Task<List<SecurityGroup>> GroupsAsync(IAmazonEC2 ec2, Ec2Configuration configuration, CancellationToken cancellationToken)
    {
        if (configuration.SecurityGroupIds.Count > 0)
        {
            var found = (await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [.. configuration.SecurityGroupIds] }, cancellationToken).ConfigureAwait(false)).SecurityGroups ?? [];
            var missing = configuration.SecurityGroupIds.Except(found.Select(g => g.GroupId), StringComparer.Ordinal).ToList();
            return missing.Count > 0 ? throw new InvalidOperationException("not found: " + string.Join(", ", missing)) : found;
        }

        if (configuration.UsesTempSecurityGroup)
        {
            return [];
        }

        var vpc = configuration.VpcId ?? (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("is-default", ["true"])] }, cancellationToken).ConfigureAwait(false)).Vpcs?.FirstOrDefault()?.VpcId;
        if (vpc is null)
        {
            return [];
        }

        return (await ec2.DescribeSecurityGroupsAsync(
            new DescribeSecurityGroupsRequest { Filters = [new Filter("vpc-id", [vpc]), new Filter("group-name", ["default"])] },
            cancellationToken).ConfigureAwait(false)).SecurityGroups ?? [];
    }
}
