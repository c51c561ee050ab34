using Acode.Ec2Emulator.Protocol;
using Acode.Ec2Emulator.State;

namespace Acode.Ec2Emulator.Actions;

/// <summary>Elastic IPs: Allocate, Associate, Disassociate, Release, Describe. An associated address becomes the instance's public address.</summary>
internal static class AddressActions
{
    private static readonly FilterSpec<AddressRecord> Filters = new(a => a.Tags)
    {
        ["allocation-id"] = a => [a.AllocationId],
        ["association-id"] = a => [a.AssociationId],
        ["instance-id"] = a => [a.InstanceId],
        ["public-ip"] = a => [a.Address.ToString()],
        ["domain"] = _ => ["vpc"],
    };

    public static void Register(ActionRegistry registry)
    {
        registry.Mutation("AllocateAddress", Allocate);
        registry.Mutation("AssociateAddress", Associate);
        registry.Mutation("DisassociateAddress", Disassociate);
        registry.Mutation("ReleaseAddress", Release);
        registry.Query("DescribeAddresses", Describe);
    }

    private static AddressRecord Find(ActionContext ctx, string? allocationId, string? publicIp)
    {
        if (allocationId is not null)
        {
            return ctx.State.Addresses.Find(a => a.AllocationId == allocationId)
                ?? throw new Ec2Exception("InvalidAllocationID.NotFound", $"The allocation ID '{allocationId}' does not exist");
        }

        if (publicIp is not null)
        {
            return ctx.State.Addresses.Find(a => a.Address.ToString() == publicIp)
                ?? throw new Ec2Exception("InvalidAddress.NotFound", $"Address '{publicIp}' not found.");
        }

        throw Ec2Exception.Missing("AllocationId");
    }

    private static void Allocate(ActionContext ctx, XmlReply r)
    {
        var domain = ctx.Params.Get("Domain") ?? "vpc";
        if (domain is not ("vpc" or "standard"))
        {
            throw Ec2Exception.InvalidValue("Domain", domain);
        }

        var tags = Lookup.TagSpecifications(ctx, "elastic-ip", "elastic-ip");
        ctx.Checkpoint();
        var address = new AddressRecord { AllocationId = Ids.New("eipalloc"), Address = ctx.Lifecycle.Addresses.Reserve() };
        foreach (var (k, v) in tags)
        {
            address.Tags[k] = v;
        }

        ctx.State.Addresses.Add(address);
        r.E("publicIp", address.Address.ToString()).E("domain", "vpc").E("allocationId", address.AllocationId)
            .E("publicIpv4Pool", "amazon").E("networkBorderGroup", ctx.State.Region).Tags(address.Tags);
    }

    private static void Associate(ActionContext ctx, XmlReply r)
    {
        var address = Find(ctx, ctx.Params.Get("AllocationId"), ctx.Params.Get("PublicIp"));
        var instance = Lookup.Instance(ctx, ctx.Params.Require("InstanceId"));
        if (instance.State != InstanceState.Running && instance.State != InstanceState.Stopped)
        {
            throw new Ec2Exception("IncorrectInstanceState", $"The instance '{instance.Id}' is not in a valid state for this operation.");
        }

        if (address.InstanceId is not null && address.InstanceId != instance.Id && !ctx.Params.GetBool("AllowReassociation", true))
        {
            throw new Ec2Exception("Resource.AlreadyAssociated", $"resource {address.AllocationId} is already associated with associate-id {address.AssociationId}");
        }

        ctx.Checkpoint();
        if (address.InstanceId is { } previousId && ctx.State.FindInstance(previousId) is { } previous)
        {
            Detach(ctx, previous);
        }

        if (instance.ElasticIp is not null)
        {
            instance.ElasticIp.InstanceId = null;
            instance.ElasticIp.AssociationId = null;
        }

        ctx.Lifecycle.ReleaseAutoAddress(instance);
        address.InstanceId = instance.Id;
        address.AssociationId = Ids.New("eipassoc");
        instance.ElasticIp = address;
        ctx.Lifecycle.Readdress(instance);
        r.E("return", true).E("associationId", address.AssociationId);
    }

    private static void Detach(ActionContext ctx, Instance instance)
    {
        var address = instance.ElasticIp!;
        address.InstanceId = null;
        address.AssociationId = null;
        instance.ElasticIp = null;
        if (instance.State == InstanceState.Running || instance.State == InstanceState.Pending)
        {
            instance.AutoAddress = ctx.Lifecycle.Addresses.Reserve();
            ctx.Lifecycle.Readdress(instance);
        }
    }

    private static void Disassociate(ActionContext ctx, XmlReply r)
    {
        var associationId = ctx.Params.Get("AssociationId");
        AddressRecord address;
        if (associationId is not null)
        {
            address = ctx.State.Addresses.Find(a => a.AssociationId == associationId)
                ?? throw new Ec2Exception("InvalidAssociationID.NotFound", $"The association ID '{associationId}' does not exist");
        }
        else
        {
            address = Find(ctx, null, ctx.Params.Get("PublicIp") ?? throw Ec2Exception.Missing("AssociationId"));
        }

        ctx.Checkpoint();
        if (address.InstanceId is { } id && ctx.State.FindInstance(id) is { } instance)
        {
            Detach(ctx, instance);
        }

        r.E("return", true);
    }

    private static void Release(ActionContext ctx, XmlReply r)
    {
        var address = Find(ctx, ctx.Params.Get("AllocationId"), ctx.Params.Get("PublicIp"));
        if (address.AssociationId is not null)
        {
            throw new Ec2Exception("InvalidIPAddress.InUse", $"The address with allocation id [{address.AllocationId}] is currently associated with an instance.");
        }

        ctx.Checkpoint();
        ctx.State.Addresses.Remove(address);
        ctx.Lifecycle.Addresses.Release(address.Address);
        r.E("return", true);
    }

    private static void Describe(ActionContext ctx, XmlReply r)
    {
        var ids = ctx.Params.GetList("AllocationId");
        var ips = ctx.Params.GetList("PublicIp");
        var selected = ids.Select(id => Find(ctx, id, null)).Concat(ips.Select(ip => Find(ctx, null, ip))).ToList();
        IEnumerable<AddressRecord> source = ids.Count + ips.Count > 0 ? selected.Distinct() : ctx.State.Addresses;
        r.Set("addressesSet", Filters.Apply(source, ctx.Params.GetFilters()), (x, a) =>
        {
            var instance = a.InstanceId is null ? null : ctx.State.FindInstance(a.InstanceId);
            x.E("publicIp", a.Address.ToString()).E("allocationId", a.AllocationId).E("domain", "vpc").E("instanceId", a.InstanceId)
                .E("associationId", a.AssociationId).E("networkInterfaceId", instance?.NetworkInterfaceId)
                .E("networkInterfaceOwnerId", instance is null ? null : ctx.State.AccountId).E("privateIpAddress", instance?.PrivateIp)
                .Tags(a.Tags).E("publicIpv4Pool", "amazon").E("networkBorderGroup", ctx.State.Region);
        });
    }
}
