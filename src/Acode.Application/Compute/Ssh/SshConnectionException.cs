using Acode.Domain;

namespace Acode.Application.Compute.Ssh;

/// <summary>
/// The SSH server could not be reached or the connection broke (refused, timed out, reset). Often transient, e.g.
/// while a new instance boots; authentication and host-key failures have their own, non-transient exceptions.
/// </summary>
public sealed class SshConnectionException : AcodeException
{
    public SshConnectionException(string host, int port, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Host = host;
        Port = port;
    }

    /// <summary>The host that was dialled.</summary>
    public string Host { get; }

    /// <summary>The port that was dialled.</summary>
    public int Port { get; }
}
