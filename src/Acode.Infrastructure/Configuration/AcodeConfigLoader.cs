using System.Collections;
using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ssh;
using Acode.Application.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Acode.Infrastructure.Configuration;

/// <summary>
/// Loads <c>.acode/config.yml</c>: the top-level <c>mode:</c>, the <c>ec2Target:</c> block, with environment
/// overrides, and the <c>sshTarget:</c> block, then validates. Precedence: file &lt; environment &lt; flags (the CLI
/// overlays flags with <c>with</c> and validates again). Any other top-level key is a problem (a misspelt section
/// would otherwise be ignored silently), with a did-you-mean.
/// </summary>
public static class AcodeConfigLoader
{
    /// <summary>The top-level key of the operating mode.</summary>
    public const string ModeKey = "mode";

    /// <summary>Environment variable overriding <c>ec2Target.region</c> (the order: <see cref="Ec2RegionResolver"/>).</summary>
    public const string RegionVariable = "ACODE_EC2_REGION";

    /// <summary>Environment variable overriding <c>ec2Target.instanceType</c>.</summary>
    public const string InstanceTypeVariable = "ACODE_EC2_INSTANCE_TYPE";

    /// <summary>Environment variable overriding <c>ec2Target.profile</c>.</summary>
    public const string ProfileVariable = "ACODE_EC2_PROFILE";

    /// <summary>Environment variable overriding <c>ec2Target.endpointUrl</c>.</summary>
    public const string EndpointUrlVariable = "ACODE_EC2_ENDPOINT_URL";

    /// <summary>Environment variable naming the AWS Price List endpoint (default: the EC2 endpoint when set, else AWS's).</summary>
    public const string PricingEndpointUrlVariable = "ACODE_PRICING_ENDPOINT_URL";

    /// <summary>Every top-level key the file may hold.</summary>
    public static IReadOnlyList<string> TopLevelKeys { get; } = [ModeKey, Ec2Defaults.SectionName, SshTargetKeys.SectionName, UploadKeys.SectionName];

    /// <summary>Loads and validates a file.</summary>
    /// <param name="path">The file, usually <see cref="AcodeConfigFile.DefaultRelativePath"/> under the project root.</param>
    /// <param name="environment">Environment variables; null = the process environment.</param>
    /// <param name="flags">The <c>--region</c> and <c>--profile</c> flags, which win over the file and the environment.</param>
    /// <exception cref="Ec2ConfigurationException">Every problem of the file, at once.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static AcodeConfigFile LoadFile(string path, IReadOnlyDictionary<string, string?>? environment = null, Ec2Flags? flags = null) =>
        Parse(File.ReadAllText(path), environment, flags);

    /// <summary>Parses and validates YAML text; an empty text (or only comments) holds no settings.</summary>
    /// <exception cref="Ec2ConfigurationException">Every problem of the file, or a YAML syntax error with its line and column.</exception>
    public static AcodeConfigFile Parse(string yaml, IReadOnlyDictionary<string, string?>? environment = null, Ec2Flags? flags = null)
    {
        environment ??= ProcessEnvironment();
        var root = LoadRoot(yaml);
        if (root is null)
        {
            return new AcodeConfigFile();
        }

        var file = new AcodeConfigFile();
        var problems = new ConfigProblems(string.Empty);
        foreach (var entry in root.Entries)
        {
            var (key, _, node) = entry;
            switch (key)
            {
                case ModeKey:
                    file = file with { Mode = ReadMode(node, problems.At(ModeKey)) };
                    break;
                case Ec2Defaults.SectionName:
                    var ec2 = Ec2ConfigurationKeys.Table.Bind(node, problems.At(key), out _);
                    file = file with { Ec2Target = ApplyEnvironment(ec2, environment, flags) };
                    break;
                case SshTargetKeys.SectionName:
                    var section = SshTargetKeys.Table.Bind(node, problems.At(key), out var complete);
                    var before = problems.Lines.Count;
                    SshTargetKeys.Table.Validate(section, problems.At(key));
                    var usable = complete && problems.Lines.Count == before;
                    file = file with { SshTarget = usable ? section.ToConfiguration() : null, SshTargetSection = usable ? section : null };
                    break;
                case UploadKeys.SectionName:
                    file = file with { Upload = UploadKeys.Table.Bind(node, problems.At(key), out _) };
                    break;
                default:
                    problems.UnknownKey(entry, TopLevelKeys);
                    break;
            }
        }

        if (file.Ec2Target is { } bound)
        {
            Ec2ConfigurationKeys.Table.Validate(bound, problems.At(Ec2Defaults.SectionName));
        }

        return problems.Lines.Count > 0 ? throw new Ec2ConfigurationException(problems.Lines) : file;
    }

    /// <summary>
    /// Applies environment overrides (ACODE_EC2_* win over the file) and the flags, then resolves the region once, in
    /// the order of <see cref="Ec2RegionResolver"/>: --region, ACODE_EC2_REGION, the file, AWS_REGION,
    /// AWS_DEFAULT_REGION, the selected profile's region. The region stays empty when nothing names one.
    /// </summary>
    public static Ec2Configuration ApplyEnvironment(Ec2Configuration configuration, IReadOnlyDictionary<string, string?> environment, Ec2Flags? flags = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        string? Get(string name) => environment.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var c = configuration;
        if ((string.IsNullOrWhiteSpace(flags?.Profile) ? Get(ProfileVariable) : flags.Profile.Trim()) is { } profile)
        {
            c = c with { Profile = profile };
        }

        var region = Ec2RegionResolver.Resolve(flags?.Region, c.Region, c.Profile, environment);
        c = c with { Region = region?.Region ?? string.Empty };

        if (Get(InstanceTypeVariable) is { } type)
        {
            c = c with { InstanceType = type };
        }

        // A malformed URL is kept (as a relative URI) so that validation reports it instead of silently dropping it.
        if (Get(EndpointUrlVariable) is { } url && Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out var endpoint))
        {
            c = c with { EndpointUrl = endpoint };
        }

        if (Get(PricingEndpointUrlVariable) is { } pricing && Uri.TryCreate(pricing, UriKind.Absolute, out var pricingEndpoint))
        {
            c = c with { PricingEndpointUrl = pricingEndpoint };
        }

        return c;
    }

    // The mode is checked here, so that "mode: warp" is refused by every command, not only by those that resolve the mode.
    private static string? ReadMode(ConfigNode node, ConfigProblems problems)
    {
        if (node is ConfigScalar { IsNull: true })
        {
            return null;
        }

        if (node is ConfigScalar scalar && OperatingModeNames.TryParse(scalar.Value, out _))
        {
            return scalar.Value;
        }

        problems.Unreadable("must be one of " + string.Join(", ", OperatingModeNames.All), node);
        return null;
    }

    private static ConfigMap? LoadRoot(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new Ec2ConfigurationException([$"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}"]);
        }

        if (stream.Documents.Count == 0 || YamlConfigNodes.From(stream.Documents[0].RootNode) is ConfigScalar { IsNull: true })
        {
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            throw new Ec2ConfigurationException([$"holds {stream.Documents.Count} YAML documents (--- separators); keep one"]);
        }

        return YamlConfigNodes.From(stream.Documents[0].RootNode) as ConfigMap
            ?? throw new Ec2ConfigurationException(["the top level must be a map of sections (mode:, ec2Target:, sshTarget:)"]);
    }

    private static Dictionary<string, string?> ProcessEnvironment()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string;
        }

        return result;
    }
}
