using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>
/// The EC2 client per region: the caller's own client for its region, and clients from the factory (created once,
/// owned and disposed here) for the others. Without a factory only the client's own region can be swept.
/// </summary>
internal sealed class Ec2RegionClients : IDisposable
{
    private readonly IAmazonEC2 _default;
    private readonly Func<string, IAmazonEC2>? _factory;
    private readonly Dictionary<string, IAmazonEC2> _created = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Ec2RegionClients(IAmazonEC2 defaultClient, Func<string, IAmazonEC2>? factory)
    {
        _default = defaultClient ?? throw new ArgumentNullException(nameof(defaultClient));
        _factory = factory;
        DefaultRegion = RegionOf(defaultClient);
    }

    /// <summary>The default client's region (its endpoint's, or the signing region with a custom endpoint).</summary>
    public string DefaultRegion { get; }

    public static string RegionOf(IAmazonEC2 client) =>
        client.Config.RegionEndpoint?.SystemName
        ?? client.Config.AuthenticationRegion
        ?? throw new ArgumentException("The EC2 client has no region.", nameof(client));

    public IAmazonEC2 For(string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        if (string.Equals(region, DefaultRegion, StringComparison.Ordinal))
        {
            return _default;
        }

        if (_factory is null)
        {
            throw new ArgumentException($"No EC2 client for region {region}: the sweep was given a client for {DefaultRegion} only.", nameof(region));
        }

        lock (_gate)
        {
            if (!_created.TryGetValue(region, out var client))
            {
                client = _factory(region);
                _created[region] = client;
            }

            return client;
        }
    }

    /// <summary>The account's enabled regions (DescribeRegions), sorted.</summary>
    public async Task<IReadOnlyList<string>> AllRegionsAsync(CancellationToken cancellationToken)
    {
        var response = await _default.DescribeRegionsAsync(new DescribeRegionsRequest(), cancellationToken).ConfigureAwait(false);
        return [.. (response.Regions ?? []).Select(r => r.RegionName).Where(n => !string.IsNullOrEmpty(n)).Order(StringComparer.Ordinal)];
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var client in _created.Values)
            {
                client.Dispose();
            }

            _created.Clear();
        }
    }
}
