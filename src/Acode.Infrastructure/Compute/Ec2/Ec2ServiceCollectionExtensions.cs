using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Infrastructure.Compute.Ec2.Credentials;
using Acode.Infrastructure.Compute.Ec2.Metrics;
using Acode.Infrastructure.Compute.Ec2.Pricing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Acode.Infrastructure.Compute.Ec2;

/// <summary>Registers the EC2 target.</summary>
public static class Ec2ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="Ec2ComputeTargetFactory"/> as an <see cref="IComputeTargetFactory"/> (type <c>ec2</c>), the
    /// configuration, the credential resolver and client factory, the metrics and the cost ledger (an
    /// <see cref="IEc2CostLedger"/> registered before this call wins; default <see cref="Ec2CostLedgerFile"/> under
    /// <c>$XDG_STATE_HOME/acode</c>). Needs <c>AddAcodeCompute</c> for the
    /// mode validator, event publisher and clock. Registering creates no AWS client. The configuration is optional:
    /// a host that builds it per command (the CLI) passes it to <c>CreateAsync</c> instead.
    /// </summary>
    public static IServiceCollection AddAcodeEc2Target(this IServiceCollection services, Ec2Configuration? configuration = null)
    {
        if (configuration is not null)
        {
            services.TryAddSingleton(configuration);
        }

        services.TryAddSingleton(sp => new Ec2CredentialResolver(sp.GetService<ILoggerFactory>()?.CreateLogger<Ec2CredentialResolver>()));
        services.TryAddSingleton(sp => new Ec2ClientFactory(null, sp.GetService<ILoggerFactory>()?.CreateLogger<Ec2ClientFactory>()));
        services.TryAddSingleton<IEc2CostLedger>(sp => new Ec2CostLedgerFile(
            null, sp.GetService<TimeProvider>(), sp.GetService<ILoggerFactory>()?.CreateLogger<Ec2CostLedgerFile>()));
        services.TryAddSingleton(sp => new Ec2Metrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(sp => new Ec2TargetDependencies
        {
            ModeValidator = sp.GetRequiredService<IModeValidator>(),
            Events = sp.GetRequiredService<IEventPublisher>(),
            CredentialResolver = sp.GetRequiredService<Ec2CredentialResolver>(),
            ClientFactory = sp.GetRequiredService<Ec2ClientFactory>(),
            Metrics = sp.GetRequiredService<Ec2Metrics>(),
            Sessions = sp.GetService<Orphans.Ec2SessionRegistry>(),
            CostLedger = sp.GetRequiredService<IEc2CostLedger>(),
            TimeProvider = sp.GetService<TimeProvider>() ?? TimeProvider.System,
            LoggerFactory = sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
        });
        services.TryAddSingleton<Ec2ComputeTargetFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IComputeTargetFactory, Ec2ComputeTargetFactory>(sp => sp.GetRequiredService<Ec2ComputeTargetFactory>()));
        return services;
    }
}
