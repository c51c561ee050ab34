using System.Globalization;
using Acode.Ec2Emulator.Catalog;
using Acode.Ec2Emulator.Control;
using Acode.Ec2Emulator.Protocol;
using Acode.Ec2Emulator.State;

namespace Acode.Ec2Emulator.Actions;

/// <summary>
/// CreateFleet of type <c>instant</c>: the pools (each override of each launch template config: a type in a subnet or
/// zone) are tried in the allocation strategy's order (price for <c>lowest-price</c>, <c>price-capacity-optimized</c>
/// and the others, <c>Priority</c> for the prioritized ones), each through RunInstances with the template's data, until
/// the target capacity is met. A pool that fails (an injected capacity fault, a spot price above its cap, ...) becomes
/// an item of <c>errorSet</c> in a 200 reply, as on AWS; a request without capacity anywhere launches nothing.
/// </summary>
internal static class CreateFleetAction
{
    private static readonly string[] SpotStrategies = ["lowest-price", "diversified", "capacity-optimized", "capacity-optimized-prioritized", "price-capacity-optimized"];
    private static readonly string[] OnDemandStrategies = ["lowest-price", "prioritized"];

    public static void Register(ActionRegistry registry) => registry.Mutation("CreateFleet", Handle);

    private static void Handle(ActionContext ctx, XmlReply r)
    {
        var p = ctx.Params;
        var fleetType = p.Get("Type") ?? "maintain";
        if (fleetType != "instant")
        {
            throw Ec2Exception.InvalidValue("Type", fleetType, "The emulator runs fleets of type instant only.");
        }

        var total = p.GetInt("TargetCapacitySpecification.TotalTargetCapacity") ?? throw Ec2Exception.Missing("TargetCapacitySpecification.TotalTargetCapacity");
        if (total is < 1 or > 100)
        {
            throw Ec2Exception.InvalidValue("TargetCapacitySpecification.TotalTargetCapacity", total.ToString(CultureInfo.InvariantCulture));
        }

        var lifecycle = p.Get("TargetCapacitySpecification.DefaultTargetCapacityType") ?? "on-demand";
        if (lifecycle is not ("spot" or "on-demand"))
        {
            throw Ec2Exception.InvalidValue("TargetCapacitySpecification.DefaultTargetCapacityType", lifecycle);
        }

        var strategy = Strategy(p, lifecycle);
        var token = p.Get("ClientToken");
        var fingerprint = p.Fingerprint("ClientToken", "DryRun");
        if (token is not null && ctx.State.Fleets.TryGetValue(token, out var earlier))
        {
            if (earlier.Fingerprint != fingerprint)
            {
                throw new Ec2Exception("IdempotentParameterMismatch", "Arguments on this idempotent request are inconsistent with arguments used in previous request(s).");
            }

            ctx.Checkpoint();
            Write(r, earlier);
            return;
        }

        var pools = Pools(ctx, lifecycle, strategy);
        Lookup.TagSpecifications(ctx, "fleet", "fleet", "instance");
        var instanceTags = Lookup.TagSpecifications(ctx, "instance", "fleet", "instance");
        ctx.Checkpoint();

        var (template, version) = (pools[0].Template, pools[0].Version);
        var fleet = new FleetRecord { FleetId = "fleet-" + Ids.New("x")[2..], Fingerprint = fingerprint, LaunchTemplateId = template.LaunchTemplateId, Version = version, Lifecycle = lifecycle };
        var failed = new HashSet<FleetPool>();
        for (var unit = 0; unit < total; unit++)
        {
            foreach (var (poolTemplate, _, pool) in pools.Where(x => !failed.Contains(x.Pool)))
            {
                if (ctx.Faults?.NextForPool("CreateFleet", ctx.State.Region, pool.AvailabilityZone, pool.InstanceType) is { } fault)
                {
                    fleet.Errors.Add((pool, fault, FaultCodes.Describe(fault).Message));
                    failed.Add(pool);
                    continue;
                }

                try
                {
                    fleet.Instances.Add((pool, Launch(ctx, poolTemplate, pool, lifecycle, fleet.FleetId, instanceTags)));
                    break;
                }
                catch (Ec2Exception e)
                {
                    fleet.Errors.Add((pool, e.Code, e.Message));
                    failed.Add(pool);
                }
            }
        }

        if (token is not null)
        {
            ctx.State.Fleets[token] = fleet;
        }

        Write(r, fleet);
    }

    private static string Strategy(QueryParameters p, string lifecycle)
    {
        var (name, allowed) = lifecycle == "spot" ? ("SpotOptions.AllocationStrategy", SpotStrategies) : ("OnDemandOptions.AllocationStrategy", OnDemandStrategies);
        var strategy = p.Get(name) ?? "lowest-price";
        return allowed.Contains(strategy) ? strategy : throw Ec2Exception.InvalidValue(name, strategy);
    }

    // Every override of every config, in the order the strategy tries them.
    private static List<(LaunchTemplateRecord Template, string Version, FleetPool Pool)> Pools(ActionContext ctx, string lifecycle, string strategy)
    {
        var configs = ctx.Params.GetStructs("LaunchTemplateConfigs");
        if (configs.Count == 0)
        {
            throw Ec2Exception.Missing("LaunchTemplateConfigs");
        }

        var pools = new List<(LaunchTemplateRecord Template, string Version, FleetPool Pool, double Priority, decimal Price)>();
        foreach (var config in configs)
        {
            var spec = config.Sub("LaunchTemplateSpecification");
            var template = LaunchTemplateActions.Find(ctx, spec);
            var version = spec.Get("Version") ?? "$Default";
            var overrides = config.GetStructs("Overrides");
            foreach (var o in overrides.Count > 0 ? overrides : [new QueryParameters([])])
            {
                var typeName = o.Get("InstanceType") ?? template.Data.Get("InstanceType") ?? throw Ec2Exception.Missing("LaunchTemplateConfigs.Overrides.InstanceType");
                var type = InstanceTypes.Find(typeName) ?? throw Ec2Exception.InvalidValue("InstanceType", typeName);
                var subnetId = o.Get("SubnetId");
                var zone = o.Get("AvailabilityZone")
                    ?? (subnetId is null ? null : ctx.State.Subnets.Find(s => s.SubnetId == subnetId)?.AvailabilityZone
                        ?? throw new Ec2Exception("InvalidSubnetID.NotFound", $"The subnet ID '{subnetId}' does not exist"));
                var priced = zone ?? ctx.State.Subnets.Select(s => s.AvailabilityZone).FirstOrDefault(z => Regions.IsOffered(type, z)) ?? Regions.Zones(ctx.State.Region)[0];
                var price = lifecycle == "spot" ? ctx.State.SpotPrice(type, priced) : type.OnDemandPrice(ctx.State.Region);
                var priority = double.TryParse(o.Get("Priority"), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.MaxValue;
                pools.Add((template, version, new FleetPool(typeName, subnetId, zone, o.Get("MaxPrice")), priority, price));
            }
        }

        var ordered = strategy.EndsWith("prioritized", StringComparison.Ordinal) ? pools.OrderBy(x => x.Priority) : pools.OrderBy(x => x.Price);
        return [.. ordered.Select(x => (x.Template, x.Version, x.Pool))];
    }

    // One instance from one pool: RunInstances with the template's data and the pool's type, place and market.
    private static string Launch(ActionContext ctx, LaunchTemplateRecord template, FleetPool pool, string lifecycle, string fleetId, List<KeyValuePair<string, string>> instanceTags)
    {
        var values = template.Data.All.Where(kv => !kv.Key.StartsWith("InstanceMarketOptions.", StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal);
        values["InstanceType"] = pool.InstanceType;
        values["MinCount"] = values["MaxCount"] = "1";
        if (pool.SubnetId is not null)
        {
            values[values.Keys.Any(k => k.StartsWith("NetworkInterface.1.", StringComparison.Ordinal)) ? "NetworkInterface.1.SubnetId" : "SubnetId"] = pool.SubnetId;
        }
        else if (pool.AvailabilityZone is not null)
        {
            values["Placement.AvailabilityZone"] = pool.AvailabilityZone;
        }

        if (lifecycle == "spot")
        {
            values["InstanceMarketOptions.MarketType"] = "spot";
            if (pool.MaxPrice is not null)
            {
                values["InstanceMarketOptions.SpotOptions.MaxPrice"] = pool.MaxPrice;
            }
        }

        var run = new ActionContext
        {
            Action = "RunInstances", Params = new QueryParameters(values), State = ctx.State, Lifecycle = ctx.Lifecycle, Credential = ctx.Credential, Now = ctx.Now,
        };
        RunInstancesAction.Handle(run, new XmlReply("RunInstancesResponse", Namespaces.Ec2));
        var instance = ctx.State.Instances[^1];
        instance.Tags["aws:ec2:fleet-id"] = fleetId;
        foreach (var (k, v) in instanceTags)
        {
            instance.Tags[k] = v;
        }

        return instance.Id;
    }

    private static void Write(XmlReply r, FleetRecord fleet)
    {
        r.E("fleetId", fleet.FleetId);
        r.Set("errorSet", fleet.Errors, (x, e) => Overrides(x, fleet, e.Pool).E("lifecycle", fleet.Lifecycle).E("errorCode", e.Code).E("errorMessage", e.Message));
        r.Set("fleetInstanceSet", fleet.Instances, (x, i) => Overrides(x, fleet, i.Pool).E("lifecycle", fleet.Lifecycle)
            .Values("instanceIds", [i.InstanceId]).E("instanceType", i.Pool.InstanceType));
    }

    private static XmlReply Overrides(XmlReply x, FleetRecord fleet, FleetPool pool) =>
        x.Open("launchTemplateAndOverrides")
            .Open("launchTemplateSpecification").E("launchTemplateId", fleet.LaunchTemplateId).E("version", fleet.Version).Close()
            .Open("overrides").E("instanceType", pool.InstanceType).E("subnetId", pool.SubnetId).E("availabilityZone", pool.AvailabilityZone).E("maxPrice", pool.MaxPrice).Close()
            .Close();
}
