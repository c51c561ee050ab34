using Acode.Domain;

namespace Acode.Application.Compute.Ssh;

/// <summary>The server refused the user's key (wrong key, wrong user, or the key is not authorised there).</summary>
public sealed class SshAuthenticationException : AcodeException
{
    public SshAuthenticationException(string username, string host, int port, Exception? innerException = null)
        : base($"SSH authentication failed for {username}@{host}:{port}: the server refused the private key. " +
               "Check the key and that its public half is in the user's authorized_keys.", innerException)
    {
        Username = username;
        Host = host;
        Port = port;
    }

    /// <summary>The user that tried to log in.</summary>
    public string Username { get; }

    /// <summary>The host.</summary>
    public string Host { get; }

    /// <summary>The port.</summary>
    public int Port { get; }
}
