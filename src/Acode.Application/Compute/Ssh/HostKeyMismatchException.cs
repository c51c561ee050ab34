using Acode.Domain;

namespace Acode.Application.Compute.Ssh;

/// <summary>
/// The server's host key is not the trusted one: a different machine answers, or nothing vouches for it. The
/// connection was refused before authentication, so no credential was offered to that server.
/// </summary>
public sealed class HostKeyMismatchException : AcodeException
{
    public HostKeyMismatchException(string host, int port, string? expectedFingerprint, string actualFingerprint, string? detail = null)
        : base(expectedFingerprint is null
            ? $"SSH host key of {host}:{port} is not trusted: no known key for this host{(detail is null ? string.Empty : $" in {detail}")}; the server presented {actualFingerprint}."
            : $"SSH host key mismatch for {host}:{port}: expected {expectedFingerprint}, the server presented {actualFingerprint}{(detail is null ? string.Empty : $" ({detail})")}.")
    {
        Host = host;
        Port = port;
        ExpectedFingerprint = expectedFingerprint;
        ActualFingerprint = actualFingerprint;
    }

    /// <summary>The host.</summary>
    public string Host { get; }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>The trusted fingerprint (<c>SHA256:...</c>), or null when no key was known for the host.</summary>
    public string? ExpectedFingerprint { get; }

    /// <summary>The fingerprint the server presented (<c>SHA256:...</c>).</summary>
    public string ActualFingerprint { get; }
}
