namespace Acode.Application.Compute.Ec2;

/// <summary>The outcome of a successful SSH readiness wait.</summary>
/// <param name="Host">The address that answered.</param>
/// <param name="Port">The port.</param>
/// <param name="Attempts">Handshakes attempted, the successful one included.</param>
/// <param name="Elapsed">Time from the first attempt to success.</param>
/// <param name="HostKeyFingerprint">The verified SHA256 host key fingerprint; null when verification is off.</param>
public sealed record Ec2SshReadiness(string Host, int Port, int Attempts, TimeSpan Elapsed, string? HostKeyFingerprint);
