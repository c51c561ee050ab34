using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Application.Compute.Ec2.Diagnostics;
using Acode.Domain.Compute;
using Acode.Infrastructure.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Access;
using Acode.Infrastructure.Compute.Ec2.Credentials;
using Acode.Infrastructure.Compute.Ec2.Diagnostics;
using Acode.Infrastructure.Compute.Ec2.Orphans;
using Acode.Infrastructure.Compute.Ec2.Pricing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Acode.Cli.Hosting;

/// <summary>
/// Registers the EC2 services the commands resolve: the target factory (<c>AddAcodeEc2Target</c>), the instance
/// manager, the diagnostics and the account's clients. Registering creates no AWS client and resolves no credentials;
/// that happens on a service's first call, after the command has checked the mode.
/// </summary>
internal static class Ec2ServiceWiring
{
    /// <param name="services">The run's services.</param>
    /// <param name="configuration">The EC2 configuration the command built (asked for when a client is first needed).</param>
    /// <param name="emulatorCredentials">
    /// The in-process emulator's test key, or null. When set, the target uses it instead of the SDK's chain and the mode
    /// guard lets EC2 through: nothing of this run can reach AWS or spend money.
    /// </param>
    public static void Add(IServiceCollection services, Func<Ec2Configuration> configuration, ResolvedAwsCredentials? emulatorCredentials)
    {
        // The user's ledger holds real spend only: a run against this machine writes nothing (asked at each write, when
        // the command has built its configuration). Registered first, so AddAcodeEc2Target keeps it.
        services.TryAddSingleton<IEc2CostLedger>(sp => new RealSpendCostLedger(
            new Ec2CostLedgerFile(null, sp.GetService<TimeProvider>(), sp.GetService<ILoggerFactory>()?.CreateLogger<Ec2CostLedgerFile>()),
            () => configuration().EndpointUrl));

        // The factory takes its configuration per target (CreateAsync), built by the command.
        services.AddAcodeEc2Target();
        if (emulatorCredentials is not null)
        {
            var shared = services.Last(d => d.ServiceType == typeof(Ec2TargetDependencies));
            services.Replace(ServiceDescriptor.Singleton(sp => ForEmulator(Resolve(shared, sp), emulatorCredentials)));
        }

        services.AddSingleton(sp =>
        {
            var dependencies = sp.GetRequiredService<Ec2TargetDependencies>();
            return new Ec2AccountClients(configuration(), dependencies.CredentialResolver, dependencies.ClientFactory, dependencies.ExplicitCredentials);
        });
        services.AddSingleton<IEc2InstanceManager>(sp => new Ec2RegionalInstanceManager(
            sp.GetRequiredService<Ec2AccountClients>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<Ec2RegionalInstanceManager>>()));
        services.AddSingleton<IEc2TargetDiagnostics>(sp => new Ec2TargetDiagnostics(sp.GetRequiredService<Ec2TargetDependencies>()));

        // The sweep builds its clients synchronously while it is resolved; credentials resolve once, on the first of them.
        // Blocking here is safe: a console process has no synchronization context to deadlock on.
        services.AddAcodeEc2Orphans(
            (sp, region) => sp.GetRequiredService<Ec2AccountClients>().CreateEc2Async(region).GetAwaiter().GetResult(),
            _ => configuration().Region);
    }

    private static Ec2TargetDependencies Resolve(ServiceDescriptor descriptor, IServiceProvider services) =>
        (Ec2TargetDependencies)(descriptor.ImplementationInstance ?? descriptor.ImplementationFactory!(services));

    // Emulated instances cost nothing: the in-process emulator's runs get no ledger at all.
    private static Ec2TargetDependencies ForEmulator(Ec2TargetDependencies shared, ResolvedAwsCredentials credentials) => shared with
    {
        ModeValidator = new ModeValidator(OperatingMode.Burst),
        CostLedger = null,
        ExplicitCredentials = credentials,
    };
}
