using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ssh;
using YamlDotNet.RepresentationModel;

namespace Acode.Infrastructure.Configuration;

/// <summary>
/// Binds and validates the <c>sshTarget:</c> mapping onto <see cref="SshTargetConfiguration"/>. The host key is checked
/// by <c>hostKeyFingerprint</c> (pinned), else <c>knownHostsFile</c>, else <c>~/.ssh/known_hosts</c>;
/// <c>trustOnFirstUse: true</c> accepts and records a new key instead. Unknown keys are problems with a did-you-mean.
/// </summary>
internal static class SshTargetYamlBinder
{
    /// <summary>The top-level key of the section.</summary>
    public const string SectionName = "sshTarget";

    private static readonly string[] Keys = ["host", "port", "user", "privateKeyPath", "hostKeyFingerprint", "knownHostsFile", "trustOnFirstUse", "remoteRoot"];

    /// <summary>Binds the section; every problem goes to <paramref name="problems"/> as <c>sshTarget.key: problem</c>.</summary>
    public static SshTargetConfiguration? BindSection(YamlNode section, List<string> problems)
    {
        var before = problems.Count;
        var reader = new YamlReader(problems, SectionName);
        if (section is not YamlMappingNode mapping)
        {
            reader.Problem("(section)", "must be a map with host, user and privateKeyPath", section);
            return null;
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!Keys.Contains(key, StringComparer.Ordinal))
            {
                var hint = DidYouMean.Closest(key, Keys);
                reader.Problem(key, "is not a known key" + (hint is null ? string.Empty : $" (did you mean {hint}?)"), valueNode);
            }
            else if (!YamlReader.IsNull(valueNode))
            {
                values[key] = valueNode;
            }
        }

        string? Text(string key) => values.TryGetValue(key, out var node) ? reader.String(key, node)?.Trim() : null;
        var host = Text("host");
        var user = Text("user");
        var keyPath = Text("privateKeyPath");
        var fingerprint = Text("hostKeyFingerprint");
        var knownHosts = Text("knownHostsFile");
        var remoteRoot = Text("remoteRoot");
        var port = values.TryGetValue("port", out var portNode) ? reader.Int("port", portNode) : null;
        var trust = values.TryGetValue("trustOnFirstUse", out var trustNode) && reader.Bool("trustOnFirstUse", trustNode) == true;

        Require(problems, "host", host);
        Require(problems, "user", user);
        Require(problems, "privateKeyPath", keyPath);
        if (port is < 1 or > 65535)
        {
            problems.Add($"{SectionName}.port: must be between 1 and 65535, got {port}");
        }

        if (fingerprint is not null && !fingerprint.StartsWith("SHA256:", StringComparison.Ordinal))
        {
            problems.Add($"{SectionName}.hostKeyFingerprint: must be SHA256:<base64> as 'ssh-keygen -lf' prints it, got \"{fingerprint}\"");
        }

        if (fingerprint is not null && (knownHosts is not null || trust))
        {
            problems.Add($"{SectionName}.hostKeyFingerprint: give either hostKeyFingerprint, or knownHostsFile and/or trustOnFirstUse, not both");
        }

        if (remoteRoot is not null && remoteRoot.Length == 0)
        {
            problems.Add($"{SectionName}.remoteRoot: must not be empty");
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new SshTargetConfiguration
        {
            Host = host!,
            Port = port ?? SshTargetConstants.DefaultPort,
            Username = user!,
            PrivateKeyPath = keyPath,
            HostKeyPolicy = fingerprint is not null ? SshHostKeyPolicy.ExpectedFingerprint
                : trust ? SshHostKeyPolicy.TrustOnFirstUse
                : SshHostKeyPolicy.KnownHostsFile,
            ExpectedHostKeyFingerprint = fingerprint,
            KnownHostsPath = knownHosts,
            WorkspaceRoot = remoteRoot ?? SshTargetConstants.DefaultWorkspaceRoot,
        };
    }

    private static void Require(List<string> problems, string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            problems.Add($"{SectionName}.{key}: is required");
        }
    }
}
