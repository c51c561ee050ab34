using Acode.Application.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Acode.Infrastructure.Configuration;

/// <summary>Turns YamlDotNet's nodes into the format-free <see cref="ConfigNode"/>s that the key tables bind.</summary>
internal static class YamlConfigNodes
{
    public static ConfigNode From(YamlNode node) => node switch
    {
        YamlScalarNode scalar => new ConfigScalar(scalar.Value ?? string.Empty, IsNull(scalar), scalar.Start.Line),
        YamlSequenceNode sequence => new ConfigList([.. sequence.Children.Select(From)], sequence.Start.Line),
        YamlMappingNode mapping => new ConfigMap(
            [.. mapping.Children.Select(p => new ConfigEntry((p.Key as YamlScalarNode)?.Value ?? string.Empty, p.Key.Start.Line, From(p.Value)))],
            mapping.Start.Line),
        _ => new ConfigScalar(string.Empty, true, node.Start.Line),
    };

    // Only a plain (unquoted) ~, null or nothing is YAML's null; "null" in quotes is the text.
    private static bool IsNull(YamlScalarNode s) =>
        (s.Style is ScalarStyle.Plain or ScalarStyle.Any) && s.Value is null or "" or "~" or "null" or "Null" or "NULL";
}
