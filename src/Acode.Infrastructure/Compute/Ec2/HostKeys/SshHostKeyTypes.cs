namespace Acode.Infrastructure.Compute.Ec2.HostKeys;

/// <summary>
/// Maps between the names SSH uses on the wire (<c>ssh-ed25519</c>, <c>ecdsa-sha2-nistp256</c>, <c>rsa-sha2-512</c>)
/// and the short upper-case names <c>ssh-keygen -l</c> prints in brackets (<c>ED25519</c>, <c>ECDSA</c>, <c>RSA</c>),
/// so a handshake's key can be compared with what the console printed.
/// </summary>
public static class SshHostKeyTypes
{
    /// <summary>Returns the <c>ssh-keygen -l</c> type name for an SSH key or signature algorithm name.</summary>
    public static string FromAlgorithm(string algorithm)
    {
        var name = algorithm.Trim().ToLowerInvariant();
        if (name.StartsWith("ssh-ed25519", StringComparison.Ordinal) || name.StartsWith("sk-ssh-ed25519", StringComparison.Ordinal))
        {
            return name.StartsWith("sk-", StringComparison.Ordinal) ? "ED25519-SK" : "ED25519";
        }

        if (name.StartsWith("ecdsa-sha2-", StringComparison.Ordinal))
        {
            return "ECDSA";
        }

        if (name.StartsWith("sk-ecdsa-sha2-", StringComparison.Ordinal))
        {
            return "ECDSA-SK";
        }

        if (name is "ssh-rsa" or "rsa-sha2-256" or "rsa-sha2-512" || name.StartsWith("ssh-rsa-", StringComparison.Ordinal))
        {
            return "RSA";
        }

        return name is "ssh-dss" ? "DSA" : algorithm.Trim().ToUpperInvariant();
    }
}
