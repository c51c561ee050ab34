using System.CommandLine;
using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Cli.Configuration;
using Acode.Cli.Errors;
using Acode.Cli.Hosting;
using Acode.Infrastructure.Compute;
using Acode.Infrastructure.Compute.Ec2.Credentials;
using Acode.Infrastructure.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Acode.Cli.CommandLine;

/// <summary>
/// One command's run: the parse, the global settings, the host, and the steps every command takes in the same order:
/// load the configuration file, check the mode (before any AWS client exists), build the EC2 configuration
/// (file &lt; environment &lt; flags, validated again), then resolve the service that does the work.
/// </summary>
internal sealed class CommandContext
{
    private ProjectConfiguration? _project;
    private ServiceProvider? _services;
    private Ec2Configuration? _ec2;
    private ResolvedAwsCredentials? _emulatorCredentials;

    public CommandContext(ParseResult parse, CliSettings settings, CliHost host)
    {
        Parse = parse;
        Settings = settings;
        Host = host;
    }

    public ParseResult Parse { get; }

    public CliSettings Settings { get; }

    public CliHost Host { get; }

    public TextWriter Out => Host.Out;

    /// <summary>The full path of <c>--config</c>, relative paths against the working folder.</summary>
    public string ConfigPath => Path.GetFullPath(Settings.ConfigPath, Host.WorkingDirectory);

    /// <summary>The configuration file with environment overrides applied (loaded once).</summary>
    public ProjectConfiguration Project => _project ??= ProjectConfiguration.Load(ConfigPath, Host.Environment, Flags, mustExist: Settings.ConfigExplicit && !CreatesConfigFile);

    /// <summary>Set by a command that creates the file (<c>target add</c>), so that a <c>--config</c> path that does not exist yet is fine.</summary>
    public bool CreatesConfigFile { get; set; }

    /// <summary>The flags that take part in resolving the region (<see cref="Ec2RegionResolver"/>).</summary>
    public Ec2Flags Flags => new(Settings.Region, Settings.Profile);

    /// <summary>
    /// Throws <see cref="ModeViolationException"/> unless the mode (flag &gt; ACODE_MODE &gt; config &gt; local-only)
    /// allows a cloud target. Called before any service that could construct an AWS client is resolved.
    /// </summary>
    public void EnsureCloudAllowed(string targetType = Ec2Configuration.Ec2TargetType) =>
        Services.GetRequiredService<IModeValidator>().EnsureCloudAllowed(targetType);

    /// <summary>
    /// The EC2 configuration in force: the file's <c>ec2Target:</c> block (or the environment alone when there is
    /// none), overlaid by <c>--region</c>, <c>--profile</c> and <c>--endpoint-url</c>, then validated again.
    /// </summary>
    /// <exception cref="Ec2ConfigurationException">Every problem, each naming its field.</exception>
    public Ec2Configuration BuildEc2Configuration(Func<Ec2Configuration, Ec2Configuration>? overlay = null)
    {
        var configuration = Project.File.Ec2Target
            ?? AcodeConfigLoader.ApplyEnvironment(new Ec2Configuration { Region = string.Empty }, Host.Environment, Flags);
        configuration = ApplyGlobalFlags(configuration);
        if (overlay is not null)
        {
            configuration = overlay(configuration);
        }

        Ec2ConfigurationValidator.ThrowIfInvalid(configuration);
        if (Ec2Regions.UnlistedWarning(configuration.Region) is { } warning)
        {
            Host.Error.WriteLine("acode: warning: " + warning);
        }

        _ec2 = configuration;
        return configuration;
    }

    /// <summary>The EC2 configuration last built (or chosen for the emulator).</summary>
    public Ec2Configuration CurrentEc2Configuration =>
        _ec2 ?? throw new InvalidOperationException("The EC2 configuration is built before an EC2 service is used.");

    /// <summary>
    /// Makes this run's EC2 services use <paramref name="configuration"/> (an in-process emulator's endpoint) with the
    /// emulator's test key instead of the SDK's credential chain, and lets EC2 through the mode guard: nothing of this
    /// run can reach AWS or spend money. Must come before the services are first used.
    /// </summary>
    public void UseInProcessEmulator(Ec2Configuration configuration, ResolvedAwsCredentials credentials)
    {
        if (_services is not null)
        {
            throw new InvalidOperationException("The in-process emulator must be chosen before the run's services are built.");
        }

        _ec2 = configuration;
        _emulatorCredentials = credentials;
    }

    /// <summary>Applies <c>--region</c>, <c>--profile</c> and <c>--endpoint-url</c> over <paramref name="configuration"/>.</summary>
    public Ec2Configuration ApplyGlobalFlags(Ec2Configuration configuration)
    {
        if (!string.IsNullOrWhiteSpace(Settings.Region))
        {
            configuration = configuration with { Region = Settings.Region.Trim() };
        }

        if (Settings.Profile is not null)
        {
            configuration = configuration with { Profile = Settings.Profile };
        }

        if (Settings.EndpointUrl is not null)
        {
            // A relative URL is kept so that the validator names endpointUrl; text that is no URL at all is refused here.
            var url = Uri.TryCreate(Settings.EndpointUrl, UriKind.RelativeOrAbsolute, out var parsed)
                ? parsed
                : throw new UsageException("--endpoint-url", "is not a URL (expected e.g. http://127.0.0.1:4566/)");
            configuration = configuration with { EndpointUrl = url };
        }

        return configuration;
    }

    /// <summary>The services of this run (built once, after the configuration file loaded).</summary>
    public IServiceProvider Services => _services ??= BuildServices();

    /// <summary>
    /// Resolves the service that does a command's work, or throws <see cref="FeatureNotAvailableException"/> when this
    /// build has none. Call only after <see cref="EnsureCloudAllowed"/> for anything that reaches AWS.
    /// </summary>
    public T Require<T>(string command)
        where T : class =>
        Services.GetService<T>() ?? throw new FeatureNotAvailableException(command, typeof(T).Name);

    /// <summary>Disposes the services built for this run.</summary>
    public ValueTask DisposeServicesAsync() => _services?.DisposeAsync() ?? ValueTask.CompletedTask;

    private ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.AddSimpleConsole(console => console.ColorBehavior = Host.NoColor
                ? Microsoft.Extensions.Logging.Console.LoggerColorBehavior.Disabled
                : Microsoft.Extensions.Logging.Console.LoggerColorBehavior.Default);
            logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            logging.SetMinimumLevel(Settings.Verbose ? LogLevel.Debug : LogLevel.Warning);

            // Without --verbose the commands speak for themselves (progress lines, one error line, a teardown warning);
            // the targets' own logs, with their stack traces, appear only with --verbose.
            logging.AddFilter("Acode.Infrastructure", Settings.Verbose ? LogLevel.Debug : LogLevel.None);
        });
        services.AddSingleton(Host.Time);
        services.AddAcodeCompute(options =>
        {
            options.ModeFlag = Settings.Mode;
            options.ConfigMode = Project.File.Mode;
            options.GetEnvironmentVariable = Host.GetEnvironment;
        });
        Ec2ServiceWiring.Add(
            services,
            () => CurrentEc2Configuration,
            _emulatorCredentials);
        Host.ConfigureServices?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
