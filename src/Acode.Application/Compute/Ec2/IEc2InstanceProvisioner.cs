using Acode.Domain.Compute.Ec2;

namespace Acode.Application.Compute.Ec2;

/// <summary>
/// Launches an instance and waits until it can be used (spec Part 2). Changed from the sketch: the waits return what
/// they found or throw a typed timeout, so a caller cannot ignore a failed wait.
/// </summary>
public interface IEc2InstanceProvisioner
{
    /// <summary>
    /// Launches an instance for <paramref name="configuration"/> (one ClientToken per call, so a retried RunInstances
    /// never launches twice) and waits for it to run. Any failure after launch terminates what was launched.
    /// </summary>
    /// <exception cref="Ec2CapacityException">No capacity and no fallback applied.</exception>
    /// <exception cref="Ec2ProvisioningTimeoutException">Not running within <see cref="Ec2Configuration.ProvisionTimeout"/>.</exception>
    Task<Ec2InstanceInfo> ProvisionAsync(Ec2Configuration configuration, CancellationToken cancellationToken = default);

    /// <summary>Returns <paramref name="amiId"/>, the image of an alias (al2023, al2, ubuntu-24.04, debian-12), or the latest Amazon Linux 2023 AMI of the region when null.</summary>
    Task<string> ResolveAmiAsync(string? amiId, string region, CancellationToken cancellationToken = default);

    /// <summary>Polls (first check immediately, then every poll interval) until running; returns the running instance with its addresses.</summary>
    /// <exception cref="Ec2ProvisioningTimeoutException">Still not running after <paramref name="timeout"/>, or it terminated.</exception>
    Task<Ec2InstanceInfo> WaitForRunningAsync(string instanceId, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Attempts real SSH handshakes plus authentication until one succeeds (FR-024..027).</summary>
    /// <exception cref="SshReadyTimeoutException">No success within <paramref name="timeout"/> or the retry count.</exception>
    /// <exception cref="Ec2HostKeyMismatchException">The server's host key is not the expected one.</exception>
    Task<Ec2SshReadiness> WaitForSshReadyAsync(string instanceId, string host, int port, TimeSpan timeout, CancellationToken cancellationToken = default);
}
