using System.Runtime.CompilerServices;
using Acode.Application.Compute.Ec2;
using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Lifecycle;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Acode.Infrastructure.Compute.Ec2.Access;

/// <summary>
/// <see cref="IEc2InstanceManager"/> over <see cref="Ec2AccountClients"/>: the single-instance calls go to the
/// credentials' region, listings to the region asked for, each through an <see cref="Ec2InstanceManager"/> of that
/// region's client. Nothing is resolved or created until the first call.
/// </summary>
public sealed class Ec2RegionalInstanceManager : IEc2InstanceManager
{
    private readonly Ec2AccountClients _clients;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="Ec2RegionalInstanceManager"/> class.</summary>
    public Ec2RegionalInstanceManager(Ec2AccountClients clients, TimeProvider timeProvider, ILogger<Ec2RegionalInstanceManager>? logger = null)
    {
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public async Task<Ec2InstanceInfo?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await (await ForAsync(null, cancellationToken).ConfigureAwait(false)).GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<Ec2InstanceState> GetStateAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await (await ForAsync(null, cancellationToken).ConfigureAwait(false)).GetStateAsync(instanceId, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task StartAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await (await ForAsync(null, cancellationToken).ConfigureAwait(false)).StartAsync(instanceId, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task StopAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await (await ForAsync(null, cancellationToken).ConfigureAwait(false)).StopAsync(instanceId, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task TerminateAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await (await ForAsync(null, cancellationToken).ConfigureAwait(false)).TerminateAsync(instanceId, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async IAsyncEnumerable<Ec2InstanceInfo> ListAcodeInstancesAsync(string region, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var manager = await ForAsync(region, cancellationToken).ConfigureAwait(false);
        await foreach (var instance in manager.ListAcodeInstancesAsync(region, cancellationToken).ConfigureAwait(false))
        {
            yield return instance;
        }
    }

    private async Task<Ec2InstanceManager> ForAsync(string? region, CancellationToken cancellationToken)
    {
        var credentials = await _clients.CredentialsAsync(cancellationToken).ConfigureAwait(false);
        var name = string.IsNullOrWhiteSpace(region) ? credentials.Region : region;
        return new Ec2InstanceManager(await _clients.Ec2Async(name, cancellationToken).ConfigureAwait(false), name, _time, _logger);
    }
}
