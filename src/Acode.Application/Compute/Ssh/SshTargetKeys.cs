using Acode.Application.Configuration;
using K = Acode.Application.Configuration.ConfigKeys<Acode.Application.Compute.Ssh.SshTargetSection>;
using T = Acode.Application.Configuration.ConfigTypes;

namespace Acode.Application.Compute.Ssh;

/// <summary>
/// Every key of the <c>sshTarget:</c> section, declared once (binding, checks, listing and docs/ssh.md's key table).
/// The host key is checked by <c>hostKeyFingerprint</c> (pinned), else <c>knownHostsFile</c>, else
/// <c>~/.ssh/known_hosts</c>; <c>trustOnFirstUse: true</c> accepts and records a new key instead.
/// </summary>
public static class SshTargetKeys
{
    /// <summary>The top-level key of the section.</summary>
    public const string SectionName = "sshTarget";

    /// <summary>The keys in documentation order.</summary>
    public static ConfigKeyTable<SshTargetSection> Table { get; } = new(new SshTargetSection(),
    [
        K.Key("host", T.Text, s => s.Host, (s, v) => s with { Host = v }, "host name or address", "required", required: true),
        K.Key("port", T.Int, s => s.Port, (s, v) => s with { Port = v }, "SSH port",
            check: (_, v, p) =>
            {
                if (v is < 1 or > 65535)
                {
                    p.Add("must be between 1 and 65535", v);
                }
            }),
        K.Key("user", T.Text, s => s.User, (s, v) => s with { User = v }, "remote user", "required", required: true),
        K.Key("privateKeyPath", T.OptionalText, s => s.PrivateKeyPath, (s, v) => s with { PrivateKeyPath = v }, "private key file; `~/` and relative paths allowed",
            "required", required: true),
        K.Key("hostKeyFingerprint", T.OptionalText, s => s.HostKeyFingerprint, (s, v) => s with { HostKeyFingerprint = v }, "pin the host key: `SHA256:<base64>` as `ssh-keygen -lf` prints it",
            check: (s, v, p) =>
            {
                if (v is not null && !v.Trim().StartsWith("SHA256:", StringComparison.Ordinal))
                {
                    p.Add("must be SHA256:<base64> as 'ssh-keygen -lf' prints it", v);
                }

                if (v is not null && (s.KnownHostsFile is not null || s.TrustOnFirstUse))
                {
                    p.AddLine("give either hostKeyFingerprint, or knownHostsFile and/or trustOnFirstUse, not both");
                }
            }),
        K.Key("knownHostsFile", T.OptionalText, s => s.KnownHostsFile, (s, v) => s with { KnownHostsFile = v }, "known_hosts file that holds the host key",
            "`~/.ssh/known_hosts`"),
        K.Key("trustOnFirstUse", T.Bool, s => s.TrustOnFirstUse, (s, v) => s with { TrustOnFirstUse = v }, "accept and record a host key seen for the first time"),
        K.Key("remoteRoot", T.Text, s => s.RemoteRoot, (s, v) => s with { RemoteRoot = v }, "remote folder under which workspaces are created",
            check: (_, v, p) =>
            {
                if (string.IsNullOrWhiteSpace(v))
                {
                    p.AddLine("must not be empty");
                }
            }),
    ]);
}
