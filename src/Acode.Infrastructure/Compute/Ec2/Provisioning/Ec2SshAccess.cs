using Acode.Application.Compute.Ec2;

namespace Acode.Infrastructure.Compute.Ec2.Provisioning;

/// <summary>How to log in to an instance and how to know it is the right one. A class: it holds a private key.</summary>
public sealed class Ec2SshAccess
{
    /// <summary>Initializes a new instance of the <see cref="Ec2SshAccess"/> class.</summary>
    public Ec2SshAccess(string username, string? privateKey, string? privateKeyPath, Ec2HostKeyVerification verification, string? pinnedFingerprint)
    {
        Username = username;
        PrivateKey = privateKey;
        PrivateKeyPath = privateKeyPath;
        Verification = verification;
        PinnedFingerprint = pinnedFingerprint;
    }

    /// <summary>Gets the login user.</summary>
    public string Username { get; }

    /// <summary>Gets the private key text, when held in memory. Secret.</summary>
    public string? PrivateKey { get; }

    /// <summary>Gets the private key file.</summary>
    public string? PrivateKeyPath { get; }

    /// <summary>Gets how the host key is verified.</summary>
    public Ec2HostKeyVerification Verification { get; }

    /// <summary>Gets the pinned host key fingerprint (<see cref="Ec2HostKeyVerification.Pinned"/>).</summary>
    public string? PinnedFingerprint { get; }

    /// <summary>Names the user and verification only.</summary>
    public override string ToString() => $"{Username} (host key: {Verification})";
}
