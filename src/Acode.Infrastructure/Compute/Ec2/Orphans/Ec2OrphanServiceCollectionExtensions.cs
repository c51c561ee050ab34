using Acode.Application.Compute.Ec2;
using Amazon.EC2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>Registers the orphan sweep and the instance lister.</summary>
public static class Ec2OrphanServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="Ec2OrphanDetector"/> (also as <see cref="IEc2OrphanDetector"/>), <see cref="Ec2InstanceLister"/>,
    /// <see cref="Ec2SessionRegistry"/> (the default state folder, unless one is registered already) and <see cref="Ec2OrphanOptions"/>. No client is made
    /// until a service is first resolved; every client made through <paramref name="clientForRegion"/> is disposed with
    /// the container.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="clientForRegion">Makes an EC2 client for a region (e.g. <c>Ec2ClientFactory.CreateEc2</c> with resolved credentials).</param>
    /// <param name="defaultRegion">The region swept when a call names none (the configured one).</param>
    /// <param name="configure">Adjusts the options (e.g. <c>o =&gt; o with { Threshold = ... }</c>).</param>
    public static IServiceCollection AddAcodeEc2Orphans(
        this IServiceCollection services,
        Func<IServiceProvider, string, IAmazonEC2> clientForRegion,
        Func<IServiceProvider, string> defaultRegion,
        Func<Ec2OrphanOptions, Ec2OrphanOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(clientForRegion);
        ArgumentNullException.ThrowIfNull(defaultRegion);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ =>
        {
            var options = configure?.Invoke(new Ec2OrphanOptions()) ?? new Ec2OrphanOptions();
            options.Validate();
            return options;
        });
        services.TryAddSingleton(sp => new Ec2SessionRegistry(Ec2SessionRegistry.DefaultDirectory(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new Ec2OrphanDefaultClient(clientForRegion(sp, defaultRegion(sp))));
        services.TryAddSingleton(sp => new Ec2OrphanDetector(
            sp.GetRequiredService<Ec2OrphanDefaultClient>().Client,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Ec2OrphanOptions>(),
            sp.GetRequiredService<Ec2SessionRegistry>(),
            region => clientForRegion(sp, region),
            sp.GetService<ILogger<Ec2OrphanDetector>>()));
        services.TryAddSingleton<IEc2OrphanDetector>(sp => sp.GetRequiredService<Ec2OrphanDetector>());
        services.TryAddSingleton(sp => sp.GetRequiredService<Ec2OrphanDetector>().Lister);
        return services;
    }

    /// <summary>Owns the default-region client so the container disposes it.</summary>
    private sealed class Ec2OrphanDefaultClient(IAmazonEC2 client) : IDisposable
    {
        public IAmazonEC2 Client { get; } = client;

        public void Dispose() => Client.Dispose();
    }
}
