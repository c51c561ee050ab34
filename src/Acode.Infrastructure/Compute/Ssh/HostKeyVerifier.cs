using Acode.Application.Compute.Ssh;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ssh;

/// <summary>
/// Applies an <see cref="SshHostKeyPolicy"/> to the key a server presents. A rejection is remembered so the
/// connect failure can be reported as <see cref="HostKeyMismatchException"/> with both fingerprints. A key
/// trusted once is pinned: reconnects of the same target must present it again.
/// </summary>
internal sealed class HostKeyVerifier
{
    private readonly SshTargetConfiguration _configuration;
    private readonly ILogger _logger;
    private string? _pinned;

    public HostKeyVerifier(SshTargetConfiguration configuration, ILogger logger)
    {
        _configuration = configuration;
        _logger = logger;
    }

    /// <summary>The last rejection, if the last verification failed.</summary>
    public HostKeyMismatchException? Rejection { get; private set; }

    /// <summary>The fingerprint of the last accepted key.</summary>
    public string? AcceptedFingerprint { get; private set; }

    /// <summary>Decides whether to trust <paramref name="keyBlob"/>; false leaves <see cref="Rejection"/> set.</summary>
    public bool Verify(byte[] keyBlob)
    {
        var host = _configuration.Host;
        var port = _configuration.Port;
        var actual = KnownHostsFile.Fingerprint(keyBlob);
        Rejection = null;

        if (_pinned is not null)
        {
            return Decide(actual == _pinned, _pinned, actual, "pinned at first connection of this target");
        }

        switch (_configuration.HostKeyPolicy)
        {
            case SshHostKeyPolicy.Off:
                return Accept(actual);

            case SshHostKeyPolicy.ExpectedFingerprint:
                var expected = _configuration.ExpectedHostKeyFingerprint!.Trim();
                return Decide(string.Equals(NormaliseFingerprint(expected), actual, StringComparison.Ordinal), expected, actual, null);

            case SshHostKeyPolicy.KnownHostsFile:
            case SshHostKeyPolicy.TrustOnFirstUse:
                var path = KnownHostsPath();
                var known = KnownHostsFile.FingerprintsFor(path, host, port);
                if (known.Contains(actual))
                {
                    return Accept(actual);
                }

                if (known.Count == 0 && _configuration.HostKeyPolicy == SshHostKeyPolicy.TrustOnFirstUse)
                {
                    _logger.SshHostKeyTrustedOnFirstUse(host, port, actual);
                    if (_configuration.KnownHostsPath is not null)
                    {
                        KnownHostsFile.Append(path, host, port, keyBlob);
                    }

                    return Accept(actual);
                }

                return Decide(false, known.Count > 0 ? known[0] : null, actual, path);

            default:
                throw new InvalidOperationException($"Unknown host key policy {_configuration.HostKeyPolicy}.");
        }
    }

    private bool Decide(bool trusted, string? expected, string actual, string? detail)
    {
        if (trusted)
        {
            return Accept(actual);
        }

        _logger.SshHostKeyRejected(_configuration.Host, _configuration.Port, expected ?? "(none known)", actual);
        Rejection = new HostKeyMismatchException(_configuration.Host, _configuration.Port, expected, actual, detail);
        return false;
    }

    private bool Accept(string actual)
    {
        _pinned = actual;
        AcceptedFingerprint = actual;
        return true;
    }

    // Base64 fingerprints are often pasted with the '=' padding that ssh-keygen leaves off.
    private static string NormaliseFingerprint(string fingerprint) => fingerprint.TrimEnd('=');

    private string KnownHostsPath() =>
        _configuration.KnownHostsPath
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh", "known_hosts");
}
