using YamlDotNet.RepresentationModel;

namespace Acode.Infrastructure.Configuration;

/// <summary>
/// Binds the <c>upload:</c> mapping: <c>exclude:</c> and <c>include:</c>, lists of gitignore patterns that apply to
/// every upload as <c>--exclude</c> and <c>--include</c> do (the flags add to them). The patterns themselves are
/// checked when the workspace is read, naming the key.
/// </summary>
internal static class UploadYamlBinder
{
    /// <summary>The section's name in the file.</summary>
    public const string SectionName = "upload";

    /// <summary>Binds the section; every problem goes to <paramref name="problems"/> as <c>upload.key: problem</c>.</summary>
    public static UploadConfiguration BindSection(YamlNode section, List<string> problems)
    {
        var reader = new YamlReader(problems, SectionName);
        if (section is not YamlMappingNode mapping)
        {
            if (!YamlReader.IsNull(section))
            {
                problems.Add($"{SectionName}: must be a mapping with exclude: and include: lists (line {section.Start.Line})");
            }

            return new UploadConfiguration();
        }

        IReadOnlyList<string> exclude = [], include = [];
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            switch (key)
            {
                case "exclude":
                    exclude = reader.List(key, valueNode) ?? [];
                    break;
                case "include":
                    include = reader.List(key, valueNode) ?? [];
                    break;
                default:
                    reader.Problem(key, "is not an upload key (exclude, include)", keyNode);
                    break;
            }
        }

        return new UploadConfiguration { Exclude = exclude, Include = include };
    }
}

/// <summary>The <c>upload:</c> block: patterns applied to every upload.</summary>
public sealed record UploadConfiguration
{
    /// <summary>Patterns to leave out (gitignore syntax), as <c>--exclude</c>.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Patterns to send whatever the other rules say, as <c>--include</c>.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];
}
