using System.Collections;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ssh;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Acode.Infrastructure.Configuration;

/// <summary>
/// Loads <c>.acode/config.yml</c>: the top-level <c>mode:</c> (passed on as text), the <c>ec2Target:</c> block, with
/// environment overrides, and the <c>sshTarget:</c> block, then validates. Precedence: file &lt; environment &lt; flags (the CLI overlays flags with
/// <c>with</c> and validates again). Other top-level sections belong to other features and are left alone.
/// </summary>
public static class AcodeConfigLoader
{
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

    /// <summary>Loads and validates a file.</summary>
    /// <param name="path">The file, usually <see cref="AcodeConfigFile.DefaultRelativePath"/> under the project root.</param>
    /// <param name="environment">Environment variables; null = the process environment.</param>
    /// <param name="flags">The <c>--region</c> and <c>--profile</c> flags, which win over the file and the environment.</param>
    /// <exception cref="Ec2ConfigurationException">Every problem of the <c>ec2Target:</c> and <c>sshTarget:</c> blocks, at once.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static AcodeConfigFile LoadFile(string path, IReadOnlyDictionary<string, string?>? environment = null, Ec2Flags? flags = null) =>
        Parse(File.ReadAllText(path), environment, flags);

    /// <summary>Parses and validates YAML text.</summary>
    /// <exception cref="Ec2ConfigurationException">Every problem of the <c>ec2Target:</c> and <c>sshTarget:</c> blocks, or a YAML syntax error.</exception>
    public static AcodeConfigFile Parse(string yaml, IReadOnlyDictionary<string, string?>? environment = null, Ec2Flags? flags = null)
    {
        environment ??= ProcessEnvironment();
        var root = LoadRoot(yaml);
        if (root is null)
        {
            return new AcodeConfigFile();
        }

        string? mode = null;
        Ec2Configuration? ec2 = null;
        SshTargetConfiguration? ssh = null;
        var upload = new UploadConfiguration();
        var problems = new List<string>();
        var reader = new YamlReader(problems);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            switch ((keyNode as YamlScalarNode)?.Value)
            {
                case "mode":
                    mode = valueNode is YamlScalarNode scalar && !YamlReader.IsNull(valueNode) ? scalar.Value : null;
                    break;
                case Ec2Defaults.SectionName:
                    ec2 = ApplyEnvironment(Ec2ConfigurationYamlBinder.BindSection(valueNode, reader), environment, flags);
                    break;
                case SshTargetYamlBinder.SectionName:
                    ssh = SshTargetYamlBinder.BindSection(valueNode, problems);
                    break;
                case UploadYamlBinder.SectionName:
                    upload = UploadYamlBinder.BindSection(valueNode, problems);
                    break;
            }
        }

        if (ec2 is not null)
        {
            problems.AddRange(Ec2ConfigurationValidator.Validate(ec2));
        }

        return problems.Count > 0 ? throw new Ec2ConfigurationException(problems) : new AcodeConfigFile { Mode = mode, Ec2Target = ec2, SshTarget = ssh, Upload = upload };
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

    private static YamlMappingNode? LoadRoot(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new Ec2ConfigurationException([$"config.yml: not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}"]);
        }

        if (stream.Documents.Count == 0 || YamlReader.IsNull(stream.Documents[0].RootNode))
        {
            return null;
        }

        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new Ec2ConfigurationException(["config.yml: the top level must be a map of sections (mode:, ec2Target:, ...)"]);
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
