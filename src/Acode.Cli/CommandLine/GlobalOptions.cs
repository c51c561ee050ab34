using System.CommandLine;
using Acode.Infrastructure.Configuration;

namespace Acode.Cli.CommandLine;

/// <summary>The options every command accepts (declared on the root, recursive).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Mode { get; } = new("--mode")
    {
        Description = "Operating mode: local-only (default), airgapped or burst. Wins over ACODE_MODE and the config file's mode:.",
        Recursive = true,
        HelpName = "local-only|airgapped|burst",
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = "AWS region, e.g. eu-central-1. Wins over ACODE_EC2_REGION, the config file, AWS_REGION / AWS_DEFAULT_REGION and the profile's region.",
        Recursive = true,
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "Named AWS profile (default: the AWS SDK's credential chain).",
        Recursive = true,
    };

    public Option<string?> EndpointUrl { get; } = new("--endpoint-url")
    {
        Description = "EC2 endpoint URL, like aws --endpoint-url (e.g. a running 'acode emulator'). Still needs burst mode.",
        Recursive = true,
    };

    public Option<string> Config { get; } = new("--config")
    {
        Description = "The project configuration file. A path given here must exist, except for 'target add', which creates it.",
        Recursive = true,
        DefaultValueFactory = _ => AcodeConfigFile.DefaultRelativePath,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log details, and show stack traces of errors.",
        Recursive = true,
    };

    public Option<string> Output { get; } = new("--output", "-o")
    {
        Description = "Output format: table (default) or json.",
        Recursive = true,
        DefaultValueFactory = _ => "table",
        HelpName = "table|json",
    };

    public GlobalOptions()
    {
        Mode.AcceptOnlyFromAmong("local-only", "airgapped", "burst");
        Output.AcceptOnlyFromAmong("table", "json");
        foreach (var option in new Option[] { Region, Profile, EndpointUrl, Config })
        {
            // An empty value (--region "") would otherwise fall through to the next source without a word.
            option.Validators.Add(result =>
            {
                if (result.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
                {
                    result.AddError($"{option.Name}: must not be empty");
                }
            });
        }
    }

    public IEnumerable<Option> All => [Mode, Region, Profile, EndpointUrl, Config, Verbose, Output];

    /// <summary>Reads the values of a parse.</summary>
    public CliSettings Read(ParseResult parse) => new()
    {
        Mode = parse.GetValue(Mode),
        Region = parse.GetValue(Region),
        Profile = parse.GetValue(Profile),
        EndpointUrl = parse.GetValue(EndpointUrl),
        ConfigPath = parse.GetValue(Config) ?? AcodeConfigFile.DefaultRelativePath,
        ConfigExplicit = parse.GetResult(Config) is { Implicit: false },
        Verbose = parse.GetValue(Verbose),
        Json = parse.GetValue(Output) == "json",
    };
}
