using Acode.Domain;

namespace Acode.Application.Compute.Ec2;

/// <summary>SSH never authenticated within the readiness timeout or retry count (FR-025..027, NFR-002).</summary>
public sealed class SshReadyTimeoutException : AcodeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="host">The address tried.</param>
    /// <param name="port">The port tried.</param>
    /// <param name="attempts">How many handshakes were attempted.</param>
    /// <param name="elapsed">How long acode waited.</param>
    /// <param name="lastError">The last attempt's failure, without secrets (e.g. "connection refused").</param>
    public SshReadyTimeoutException(string instanceId, string host, int port, int attempts, TimeSpan elapsed, string? lastError)
        : base(
            $"SSH to {instanceId} at {host}:{port} did not become ready after {attempts} attempt(s) in {elapsed}"
            + (lastError is null ? string.Empty : $" (last error: {lastError})")
            + ". Check that the security group allows port 22 from this machine, the subnet routes to it, and the AMI's SSH user (ec2Target.sshUser).")
    {
        InstanceId = instanceId;
        Host = host;
        Port = port;
        Attempts = attempts;
        Elapsed = elapsed;
        LastError = lastError;
    }

    /// <summary>The instance id.</summary>
    public string InstanceId { get; }

    /// <summary>The address tried.</summary>
    public string Host { get; }

    /// <summary>The port tried.</summary>
    public int Port { get; }

    /// <summary>Attempts made.</summary>
    public int Attempts { get; }

    /// <summary>Time waited.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The last attempt's failure.</summary>
    public string? LastError { get; }
}
