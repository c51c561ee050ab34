using Acode.Application.Compute;
using Acode.Infrastructure.Compute.Ssh;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Acode.Infrastructure.Compute;

/// <summary>Registers acode's compute services.</summary>
public static class ComputeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the operating-mode validator (flag &gt; <c>ACODE_MODE</c> &gt; config <c>mode:</c> &gt; local-only),
    /// the in-process event publisher, <see cref="TimeProvider.System"/> and the SSH target factory (type <c>ssh</c>).
    /// </summary>
    /// <exception cref="InvalidConfigurationException">The mode value that wins is not a known mode.</exception>
    public static IServiceCollection AddAcodeCompute(this IServiceCollection services, Action<AcodeComputeOptions>? configure = null)
    {
        var options = new AcodeComputeOptions();
        configure?.Invoke(options);
        var mode = OperatingModeResolver.Resolve(options.ModeFlag, options.GetEnvironmentVariable(OperatingModeResolver.EnvironmentVariable), options.ConfigMode);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IModeValidator>(new ModeValidator(mode));
        services.TryAddSingleton<InMemoryEventPublisher>();
        services.TryAddSingleton<IEventPublisher>(sp => sp.GetRequiredService<InMemoryEventPublisher>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IComputeTargetFactory, SshComputeTargetFactory>());
        return services;
    }
}
