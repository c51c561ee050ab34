using Acode.Domain;

namespace Acode.Application.Compute.Ec2;

/// <summary>The SSH server's host key is not the one expected for the instance: the connection is refused and the instance terminated.</summary>
public sealed class Ec2HostKeyMismatchException : AcodeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="host">The address connected to.</param>
    /// <param name="expectedFingerprint">The pinned (or console) SHA256 fingerprint.</param>
    /// <param name="actualFingerprint">The SHA256 fingerprint the server presented.</param>
    public Ec2HostKeyMismatchException(string instanceId, string host, string expectedFingerprint, string actualFingerprint)
        : base(
            $"The SSH host key of {host} ({actualFingerprint}) is not the one expected for {instanceId} ({expectedFingerprint}). "
            + "The connection was refused and the instance terminated: something else may answer at that address. Retry; if it persists, check the network path.")
    {
        InstanceId = instanceId;
        Host = host;
        ExpectedFingerprint = expectedFingerprint;
        ActualFingerprint = actualFingerprint;
    }

    /// <summary>The instance id.</summary>
    public string InstanceId { get; }

    /// <summary>The address connected to.</summary>
    public string Host { get; }

    /// <summary>The expected fingerprint.</summary>
    public string ExpectedFingerprint { get; }

    /// <summary>The presented fingerprint.</summary>
    public string ActualFingerprint { get; }
}
