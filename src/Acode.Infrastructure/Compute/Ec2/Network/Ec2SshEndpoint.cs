using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ssh;
using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Keys;
using Acode.Infrastructure.Compute.Ec2.Provisioning;

namespace Acode.Infrastructure.Compute.Ec2.Network;

/// <summary>
/// How acode reaches an instance's sshd, decided in one place: the address (<see cref="Ec2Addresses"/>: public,
/// private, or the Elastic IP once associated) and port, and the SSH settings every connection to it uses, the
/// readiness probes and the working session alike, so the two can never disagree on where or whom they trust. A
/// transport that opens a stream instead of an address (the Instance Connect Endpoint tunnel) is another way to build it.
/// </summary>
/// <param name="Host">The address to connect to.</param>
/// <param name="Port">The SSH port.</param>
public sealed record Ec2SshEndpoint(string Host, int Port)
{
    /// <summary>The endpoint of <paramref name="instance"/>; null while the address it needs is not assigned yet.</summary>
    public static Ec2SshEndpoint? For(Ec2InstanceInfo instance, Ec2Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Ec2Addresses.Select(instance, configuration) is { } host ? new Ec2SshEndpoint(host, configuration.SshPort) : null;
    }

    /// <summary>The SSH client settings for this endpoint: log in as <paramref name="access"/> says, trust only <paramref name="hostKeyFingerprint"/> (null: no check).</summary>
    public SshTargetConfiguration Connection(Ec2SshAccess access, string? hostKeyFingerprint)
    {
        ArgumentNullException.ThrowIfNull(access);
        return new SshTargetConfiguration
        {
            Host = Host,
            Port = Port,
            Username = access.Username,
            PrivateKey = access.PrivateKey,
            PrivateKeyPath = access.PrivateKey is null ? access.PrivateKeyPath : null,
            HostKeyPolicy = hostKeyFingerprint is null ? SshHostKeyPolicy.Off : SshHostKeyPolicy.ExpectedFingerprint,
            ExpectedHostKeyFingerprint = hostKeyFingerprint is null ? null : SshFingerprint.Normalize(hostKeyFingerprint),
        };
    }
}
