using YamlDotNet.RepresentationModel;

namespace Acode.Ec2Emulator.Machines;

/// <summary>The parts of a <c>#cloud-config</c> document the emulator honours.</summary>
internal sealed record CloudConfig
{
    private static readonly string[] KeyTypes = ["rsa", "ecdsa", "ed25519"];

    public static CloudConfig Empty { get; } = new();

    /// <summary><c>ssh_keys</c>: host keys by name, e.g. <c>ed25519_private</c>; only rsa/ecdsa/ed25519 public/private kept.</summary>
    public IReadOnlyDictionary<string, string> SshKeys { get; init; } = new Dictionary<string, string>();

    /// <summary><c>ssh_authorized_keys</c>: more keys for the default user.</summary>
    public IReadOnlyList<string> SshAuthorizedKeys { get; init; } = [];

    /// <summary><c>ssh: {emit_keys_to_console: false}</c> turns the fingerprint block off.</summary>
    public bool EmitKeysToConsole { get; init; } = true;

    /// <summary>The host key types named in <see cref="SshKeys"/>, in the order cloud-init writes them.</summary>
    public IEnumerable<string> HostKeyTypes =>
        KeyTypes.Where(t => SshKeys.ContainsKey($"{t}_private") || SshKeys.ContainsKey($"{t}_public"));

    /// <summary>Parses a document; text that is not a YAML mapping gives <see cref="Empty"/>, as cloud-init ignores it.</summary>
    public static CloudConfig Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return Empty;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return Empty;
        }

        var sshKeys = new Dictionary<string, string>();
        if (Child(root, "ssh_keys") is YamlMappingNode keys)
        {
            foreach (var (name, value) in keys.Children)
            {
                if (name is YamlScalarNode { Value: { } key } && value is YamlScalarNode { Value: { } material } &&
                    KeyTypes.Any(t => key == $"{t}_private" || key == $"{t}_public"))
                {
                    sshKeys[key] = material;
                }
            }
        }

        var authorized = Child(root, "ssh_authorized_keys") is YamlSequenceNode list
            ? list.Children.OfType<YamlScalarNode>().Select(n => n.Value).OfType<string>().ToList()
            : [];
        var emit = Child(root, "ssh") is not YamlMappingNode ssh ||
                   Child(ssh, "emit_keys_to_console") is not YamlScalarNode { Value: { } flag } ||
                   !bool.TryParse(flag, out var parsed) || parsed;
        return new CloudConfig { SshKeys = sshKeys, SshAuthorizedKeys = authorized, EmitKeysToConsole = emit };
    }

    /// <summary>Combines two parts; later parts win key by key, as cloud-init merges multi-part configs.</summary>
    public CloudConfig Merge(CloudConfig later)
    {
        var keys = new Dictionary<string, string>(SshKeys);
        foreach (var (name, value) in later.SshKeys)
        {
            keys[name] = value;
        }

        return new CloudConfig
        {
            SshKeys = keys,
            SshAuthorizedKeys = [.. SshAuthorizedKeys, .. later.SshAuthorizedKeys],
            EmitKeysToConsole = EmitKeysToConsole && later.EmitKeysToConsole,
        };
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
