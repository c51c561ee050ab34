using Acode.Ec2Emulator.Catalog;
using Acode.Ec2Emulator.Protocol;
using Acode.Ec2Emulator.State;

namespace Acode.Ec2Emulator.Actions;

/// <summary>DescribeVpcs, DescribeSubnets, DescribeAvailabilityZones and DescribeRegions: a VPC with one subnet per zone, the default VPC and its default subnets unless the settings say the account has none.</summary>
internal static class NetworkActions
{
    private static readonly FilterSpec<VpcRecord> VpcFilters = new(v => v.Tags)
    {
        ["vpc-id"] = v => [v.VpcId],
        ["is-default"] = v => [v.IsDefault ? "true" : "false"],
        ["cidr"] = v => [v.CidrBlock],
        ["cidr-block-association.cidr-block"] = v => [v.CidrBlock],
        ["state"] = _ => ["available"],
    };

    private static readonly FilterSpec<SubnetRecord> SubnetFilters = new(s => s.Tags)
    {
        ["subnet-id"] = s => [s.SubnetId],
        ["vpc-id"] = s => [s.VpcId],
        ["availability-zone"] = s => [s.AvailabilityZone],
        ["availability-zone-id"] = s => [Regions.ZoneId(s.AvailabilityZone)],
        ["default-for-az"] = s => [s.DefaultForAz ? "true" : "false"],
        ["defaultForAz"] = s => [s.DefaultForAz ? "true" : "false"],
        ["cidr-block"] = s => [s.CidrBlock],
        ["map-public-ip-on-launch"] = _ => ["true"],
        ["state"] = _ => ["available"],
    };

    private static readonly FilterSpec<string> ZoneFilters = new()
    {
        ["zone-name"] = z => [z],
        ["zone-id"] = z => [Regions.ZoneId(z)],
        ["state"] = _ => ["available"],
        ["region-name"] = z => [z[..^1]],
        ["zone-type"] = _ => ["availability-zone"],
        ["opt-in-status"] = _ => ["opt-in-not-required"],
    };

    private static readonly FilterSpec<string> RegionFilters = new()
    {
        ["region-name"] = r => [r],
        ["endpoint"] = r => [$"ec2.{r}.amazonaws.com"],
        ["opt-in-status"] = r => [Regions.OptInStatus(r)],
    };

    public static void Register(ActionRegistry registry)
    {
        registry.Query("DescribeVpcs", DescribeVpcs);
        registry.Query("DescribeSubnets", DescribeSubnets);
        registry.Query("DescribeAvailabilityZones", DescribeAvailabilityZones);
        registry.Query("DescribeRegions", DescribeRegions);
    }

    private static void DescribeVpcs(ActionContext ctx, XmlReply r)
    {
        var vpc = ctx.State.DefaultVpc;
        foreach (var id in ctx.Params.GetList("VpcId").Where(id => id != vpc.VpcId))
        {
            throw new Ec2Exception("InvalidVpcID.NotFound", $"The vpc ID '{id}' does not exist");
        }

        var (page, next) = Pagination.Page(VpcFilters.Apply([vpc], ctx.Params.GetFilters()).ToList(), ctx.Params, "DescribeVpcs", 5, 1000);
        r.Set("vpcSet", page, (x, v) =>
        {
            x.E("vpcId", v.VpcId).E("ownerId", ctx.State.AccountId).E("state", "available").E("cidrBlock", v.CidrBlock);
            x.Set("cidrBlockAssociationSet", [v], (y, b) => y.E("cidrBlock", b.CidrBlock).E("associationId", "vpc-cidr-assoc-" + b.VpcId[4..])
                .Open("cidrBlockState").E("state", "associated").Close());
            x.E("dhcpOptionsId", "dopt-" + v.VpcId[4..]).E("instanceTenancy", "default").E("isDefault", v.IsDefault).Tags(v.Tags);
        });
        r.E("nextToken", next);
    }

    private static void DescribeSubnets(ActionContext ctx, XmlReply r)
    {
        var ids = ctx.Params.GetList("SubnetId");
        foreach (var id in ids.Where(id => !ctx.State.Subnets.Exists(s => s.SubnetId == id)))
        {
            throw new Ec2Exception("InvalidSubnetID.NotFound", $"The subnet ID '{id}' does not exist");
        }

        var source = ctx.State.Subnets.Where(s => ids.Count == 0 || ids.Contains(s.SubnetId));
        var (page, next) = Pagination.Page(SubnetFilters.Apply(source, ctx.Params.GetFilters()).ToList(), ctx.Params, "DescribeSubnets", 5, 1000);
        r.Set("subnetSet", page, (x, s) => x.E("subnetId", s.SubnetId)
            .E("subnetArn", $"arn:aws:ec2:{ctx.State.Region}:{ctx.State.AccountId}:subnet/{s.SubnetId}")
            .E("state", "available").E("vpcId", s.VpcId).E("cidrBlock", s.CidrBlock).E("availableIpAddressCount", 4091 - (s.NextHost - 10))
            .E("availabilityZone", s.AvailabilityZone).E("availabilityZoneId", Regions.ZoneId(s.AvailabilityZone)).E("defaultForAz", s.DefaultForAz)
            .E("mapPublicIpOnLaunch", true).E("ownerId", ctx.State.AccountId).E("assignIpv6AddressOnCreation", false).Tags(s.Tags));
        r.E("nextToken", next);
    }

    private static void DescribeAvailabilityZones(ActionContext ctx, XmlReply r)
    {
        var zones = Regions.Zones(ctx.State.Region);
        var names = ctx.Params.GetList("ZoneName");
        var zoneIds = ctx.Params.GetList("ZoneId");
        foreach (var name in names.Where(n => !zones.Contains(n)))
        {
            throw new Ec2Exception("InvalidParameterValue", $"The zone '{name}' does not exist in the region '{ctx.State.Region}'");
        }

        foreach (var id in zoneIds.Where(id => !zones.Any(z => Regions.ZoneId(z) == id)))
        {
            throw new Ec2Exception("InvalidParameterValue", $"The zone ID '{id}' does not exist in the region '{ctx.State.Region}'");
        }

        var selected = zones.Where(z => (names.Count == 0 || names.Contains(z)) && (zoneIds.Count == 0 || zoneIds.Contains(Regions.ZoneId(z))));
        r.Set("availabilityZoneInfo", ZoneFilters.Apply(selected, ctx.Params.GetFilters()), (x, z) => x.E("optInStatus", "opt-in-not-required")
            .E("zoneName", z).E("zoneId", Regions.ZoneId(z)).E("zoneState", "available").E("regionName", ctx.State.Region)
            .E("groupName", ctx.State.Region).E("networkBorderGroup", ctx.State.Region).E("zoneType", "availability-zone").Open("messageSet").Close());
    }

    private static void DescribeRegions(ActionContext ctx, XmlReply r)
    {
        var names = ctx.Params.GetList("RegionName");
        foreach (var name in names.Where(n => !Regions.All.Contains(n)))
        {
            throw new Ec2Exception("InvalidParameterValue", $"Invalid region: {name}");
        }

        var selected = Regions.All.Where(region => names.Count == 0 || names.Contains(region));
        r.Set("regionInfo", RegionFilters.Apply(selected, ctx.Params.GetFilters()), (x, region) =>
            x.E("regionName", region).E("regionEndpoint", $"ec2.{region}.amazonaws.com").E("optInStatus", Regions.OptInStatus(region)));
    }
}
