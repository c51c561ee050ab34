using Acode.Ec2Emulator.State;

namespace Acode.Ec2Emulator.Actions;

/// <summary>
/// What an instance's security groups let in on its SSH port, for its machine's sshd: the IPv4 ranges of every ingress
/// rule covering TCP 22 or the port the machine's sshd really listens on (a high one when not root), or all traffic. A rule naming a source group admits that group's instances, which share the
/// emulator's loopback source address with every other client, so it admits nobody from outside, as a default VPC's
/// default group (self only) does on AWS.
/// </summary>
internal static class SshIngress
{
    private const int SshPort = 22;

    public static IReadOnlyList<string> Sources(EmulatorState state, Instance instance, int machinePort)
    {
        lock (state.Gate)
        {
            return instance.Groups
                .SelectMany(g => g.Rules)
                .Where(r => !r.IsEgress && r.CidrIpv4 is not null && (Covers(r, SshPort) || Covers(r, machinePort)))
                .Select(r => r.CidrIpv4!)
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }
    }

    private static bool Covers(SecurityGroupRule rule, int port) =>
        rule.Protocol == "-1" || (rule.Protocol is "tcp" or "6" && (rule.FromPort ?? 0) <= port && port <= (rule.ToPort ?? 65535));
}
