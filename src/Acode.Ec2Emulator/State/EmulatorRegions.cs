using System.Text.RegularExpressions;
using Acode.Ec2Emulator.Lifecycle;

namespace Acode.Ec2Emulator.State;

/// <summary>
/// The account's regions, each with its own instances, key pairs, groups, VPC and subnets, as in EC2 where every
/// region is a separate endpoint. A region comes into being on its first request (the SigV4 credential scope names
/// it). One lock (<see cref="Gate"/>) guards every region, so a request never sees two regions half-changed.
/// </summary>
internal sealed partial class EmulatorRegions : IAsyncDisposable
{
    private readonly Dictionary<string, RegionalState> _regions = new(StringComparer.Ordinal);
    private readonly string _accountId;
    private readonly int _quota;
    private readonly Func<EmulatorState, InstanceLifecycle> _lifecycleFor;
    private EmulatorSettings _settings;

    public EmulatorRegions(string defaultRegion, string accountId, EmulatorSettings settings, int instanceQuota, Func<EmulatorState, InstanceLifecycle> lifecycleFor)
    {
        _accountId = accountId;
        _settings = settings;
        _quota = instanceQuota;
        _lifecycleFor = lifecycleFor;
        Default = Get(defaultRegion);
    }

    public object Gate { get; } = new();

    /// <summary>The region the emulator plays by default (unsigned requests, the host's IMDS, the control API).</summary>
    public RegionalState Default { get; }

    /// <summary>The delays of every region (one setting for the whole emulator).</summary>
    public EmulatorSettings Settings
    {
        get => _settings;
        set
        {
            lock (Gate)
            {
                _settings = value;
                foreach (var region in _regions.Values)
                {
                    region.State.Settings = value;
                }
            }
        }
    }

    /// <summary>The regions used so far.</summary>
    public IReadOnlyList<RegionalState> All
    {
        get
        {
            lock (Gate)
            {
                return [.. _regions.Values];
            }
        }
    }

    /// <summary>True for a name shaped like a region code; the emulator plays any such region, listed or not.</summary>
    public static bool IsRegionName(string? name) => name is not null && RegionName().IsMatch(name);

    /// <summary>The region's state, made on first use.</summary>
    public RegionalState Get(string region)
    {
        lock (Gate)
        {
            if (!_regions.TryGetValue(region, out var regional))
            {
                var state = new EmulatorState(region, _accountId, _settings, Gate) { InstanceQuota = _quota };
                regional = _regions[region] = new RegionalState(state, _lifecycleFor(state));
            }

            return regional;
        }
    }

    /// <summary>The region holding an instance id, with the instance; null when no region has it.</summary>
    public (RegionalState Region, Instance Instance)? FindInstance(string instanceId)
    {
        lock (Gate)
        {
            foreach (var region in _regions.Values)
            {
                if (region.State.FindInstance(instanceId) is { } instance)
                {
                    return (region, instance);
                }
            }

            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var region in All)
        {
            await region.Lifecycle.DisposeAsync();
        }
    }

    [GeneratedRegex(@"^[a-z]{2}(-gov)?-[a-z]+-[0-9]{1,2}$")]
    private static partial Regex RegionName();
}
