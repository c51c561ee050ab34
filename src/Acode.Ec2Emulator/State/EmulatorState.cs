using Acode.Ec2Emulator.Catalog;
using Acode.Ec2Emulator.Protocol;

namespace Acode.Ec2Emulator.State;

/// <summary>
/// Everything the emulated account holds in one region. One lock (<see cref="Gate"/>, shared by every region) guards
/// it all: requests are short, and a single lock keeps multi-resource actions (terminate releasing volumes and
/// addresses) consistent.
/// </summary>
internal sealed class EmulatorState
{
    private EmulatorSettings _settings = null!;

    public EmulatorState(string region, string accountId, EmulatorSettings settings, object gate)
    {
        Gate = gate;
        Region = region;
        AccountId = accountId;
        Settings = settings;
        Reset();
    }

    public object Gate { get; }
    public string Region { get; }
    public string AccountId { get; }

    public EmulatorSettings Settings
    {
        get => _settings;
        set
        {
            _settings = value;
            MarkDefaultVpc();
        }
    }

    /// <summary>Instances the account may run at once.</summary>
    public int InstanceQuota { get; init; } = 5000;

    public VpcRecord DefaultVpc { get; private set; } = null!;
    public List<SubnetRecord> Subnets { get; } = [];
    public List<SecurityGroupRecord> SecurityGroups { get; } = [];
    public List<Instance> Instances { get; } = [];
    public List<KeyPairRecord> KeyPairs { get; } = [];
    public List<VolumeRecord> Volumes { get; } = [];
    public List<AddressRecord> Addresses { get; } = [];
    public List<SpotRequestRecord> SpotRequests { get; } = [];
    public List<ReservedInstanceRecord> ReservedInstances { get; } = [];
    public List<LaunchTemplateRecord> LaunchTemplates { get; } = [];

    /// <summary>Instant fleets by ClientToken.</summary>
    public Dictionary<string, FleetRecord> Fleets { get; } = new(StringComparer.Ordinal);

    /// <summary>Spot prices set through the control API, by (type, zone); others derive from on-demand.</summary>
    public Dictionary<(string Type, string Zone), (decimal Price, DateTimeOffset Since)> SpotPrices { get; } = [];

    /// <summary>RunInstances ClientTokens: the request's fingerprint and the reservation it made.</summary>
    public Dictionary<string, (string Fingerprint, string ReservationId)> ClientTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Public SSM parameters withdrawn in this region (a publisher that does not publish here).</summary>
    public HashSet<string> UnpublishedParameters { get; } = new(StringComparer.Ordinal);

    public SecurityGroupRecord DefaultGroup => SecurityGroups[0];

    public void Reset()
    {
        Instances.Clear();
        KeyPairs.Clear();
        Volumes.Clear();
        Addresses.Clear();
        SpotRequests.Clear();
        ReservedInstances.Clear();
        SpotPrices.Clear();
        ClientTokens.Clear();
        UnpublishedParameters.Clear();
        LaunchTemplates.Clear();
        Fleets.Clear();
        SecurityGroups.Clear();
        Subnets.Clear();
        DefaultVpc = new VpcRecord { VpcId = Ids.New("vpc") };
        var zones = Regions.Zones(Region);
        for (var i = 0; i < zones.Count; i++)
        {
            Subnets.Add(new SubnetRecord { SubnetId = Ids.New("subnet"), VpcId = DefaultVpc.VpcId, AvailabilityZone = zones[i], ThirdOctetBase = i * 16 });
        }

        var defaultGroup = new SecurityGroupRecord
        {
            GroupId = Ids.New("sg"), GroupName = "default", Description = "default VPC security group", VpcId = DefaultVpc.VpcId,
        };
        defaultGroup.Rules.Add(new SecurityGroupRule(Ids.New("sgr"), false, "-1", null, null, null, null, defaultGroup.GroupId, null));
        defaultGroup.Rules.Add(new SecurityGroupRule(Ids.New("sgr"), true, "-1", null, null, "0.0.0.0/0", null, null, null));
        SecurityGroups.Add(defaultGroup);
        MarkDefaultVpc();
    }

    /// <summary>The default VPC's id; null when the account has none (<see cref="EmulatorSettings.DefaultVpc"/>).</summary>
    public string? DefaultVpcId => DefaultVpc.IsDefault ? DefaultVpc.VpcId : null;

    /// <summary>Forgets terminated instances older than the visibility window.</summary>
    public void Purge(DateTimeOffset now)
    {
        Instances.RemoveAll(i => i.TerminatedAt is { } at && now - at >= Settings.TerminatedVisibility);
    }

    private void MarkDefaultVpc()
    {
        if (DefaultVpc is null)
        {
            return;
        }

        DefaultVpc.IsDefault = _settings.DefaultVpc;
        foreach (var subnet in Subnets)
        {
            subnet.DefaultForAz = _settings.DefaultVpc;
        }
    }

    public Instance? FindInstance(string id) => Instances.Find(i => i.Id == id);

    /// <summary>The spot price in force for a type in a zone.</summary>
    public decimal SpotPrice(InstanceTypeInfo type, string zone) =>
        SpotPrices.TryGetValue((type.Name, zone), out var set)
            ? set.Price
            : decimal.Round(type.OnDemandPrice(Region) * (1 - Regions.SpotDiscount(zone)), 6);
}
