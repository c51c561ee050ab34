namespace Acode.Infrastructure.Compute.Ssh;

/// <summary>A successful SSH readiness probe.</summary>
/// <param name="HostKeyFingerprint">The accepted host key's fingerprint, <c>SHA256:...</c>.</param>
/// <param name="ServerVersion">The server's identification string, e.g. <c>SSH-2.0-OpenSSH_9.2p1 ...</c>.</param>
/// <param name="Duration">Time for connect, handshake and authentication.</param>
public sealed record SshProbeResult(string HostKeyFingerprint, string ServerVersion, TimeSpan Duration);
