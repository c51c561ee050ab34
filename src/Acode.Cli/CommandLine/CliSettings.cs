namespace Acode.Cli.CommandLine;

/// <summary>The global options' values for one run.</summary>
internal sealed record CliSettings
{
    public string? Mode { get; init; }

    public string? Region { get; init; }

    public string? Profile { get; init; }

    public string? EndpointUrl { get; init; }

    public string ConfigPath { get; init; } = Infrastructure.Configuration.AcodeConfigFile.DefaultRelativePath;

    /// <summary>True when <c>--config</c> was given: then the file must exist (except for <c>target add</c>, which creates it).</summary>
    public bool ConfigExplicit { get; init; }

    public bool Verbose { get; init; }

    /// <summary>True for <c>--output json</c>.</summary>
    public bool Json { get; init; }
}
