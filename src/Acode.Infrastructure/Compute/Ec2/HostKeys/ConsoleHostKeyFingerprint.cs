namespace Acode.Infrastructure.Compute.Ec2.HostKeys;

/// <summary>One SSH host key fingerprint an instance printed to its serial console.</summary>
/// <param name="KeyType">The key type as <c>ssh-keygen -l</c> prints it in brackets: <c>ED25519</c>, <c>ECDSA</c>, <c>RSA</c>.</param>
/// <param name="Fingerprint">The fingerprint, <c>SHA256:</c> + unpadded base64.</param>
public sealed record ConsoleHostKeyFingerprint(string KeyType, string Fingerprint);
