using Acode.Application.Configuration;
using K = Acode.Application.Configuration.ConfigKeys<Acode.Infrastructure.Configuration.UploadConfiguration>;
using T = Acode.Application.Configuration.ConfigTypes;

namespace Acode.Infrastructure.Configuration;

/// <summary>
/// The keys of the <c>upload:</c> section: <c>exclude:</c> and <c>include:</c>, lists of gitignore patterns that apply
/// to every upload as <c>--exclude</c> and <c>--include</c> do (the flags add to them). The patterns themselves are
/// checked when the workspace is read, naming the key.
/// </summary>
public static class UploadKeys
{
    /// <summary>The section's name in the file.</summary>
    public const string SectionName = "upload";

    /// <summary>The keys in documentation order.</summary>
    public static ConfigKeyTable<UploadConfiguration> Table { get; } = new(new UploadConfiguration(),
    [
        K.Key("exclude", T.List, u => u.Exclude, (u, v) => u with { Exclude = v }, "gitignore patterns to leave out, as `--exclude`"),
        K.Key("include", T.List, u => u.Include, (u, v) => u with { Include = v }, "gitignore patterns to send whatever the other rules say, as `--include`"),
    ]);
}

/// <summary>The <c>upload:</c> block: patterns applied to every upload.</summary>
public sealed record UploadConfiguration
{
    /// <summary>Patterns to leave out (gitignore syntax), as <c>--exclude</c>.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Patterns to send whatever the other rules say, as <c>--include</c>.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];
}
