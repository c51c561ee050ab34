using Acode.Ec2Emulator.Protocol;
using Acode.Ec2Emulator.State;

namespace Acode.Ec2Emulator.Actions;

/// <summary>CreateTags, DeleteTags and DescribeTags over every taggable resource.</summary>
internal static class TagActions
{
    private static readonly FilterSpec<(TaggedResource Resource, string Key, string Value)> Filters = new()
    {
        ["key"] = t => [t.Key],
        ["value"] = t => [t.Value],
        ["resource-id"] = t => [t.Resource.ResourceId],
        ["resource-type"] = t => [t.Resource.ResourceType],
    };

    public static void Register(ActionRegistry registry)
    {
        registry.Mutation("CreateTags", CreateTags);
        registry.Mutation("DeleteTags", DeleteTags);
        registry.Query("DescribeTags", DescribeTags);
    }

    private static IEnumerable<TaggedResource> All(EmulatorState state) =>
        state.Instances.Select(i => new TaggedResource(i.Id, "instance", i.Tags))
            .Concat(state.Volumes.Select(v => new TaggedResource(v.VolumeId, "volume", v.Tags)))
            .Concat(state.SecurityGroups.Select(g => new TaggedResource(g.GroupId, "security-group", g.Tags)))
            .Concat(state.KeyPairs.Select(k => new TaggedResource(k.KeyPairId, "key-pair", k.Tags)))
            .Concat(state.Addresses.Select(a => new TaggedResource(a.AllocationId, "elastic-ip", a.Tags)))
            .Concat(state.SpotRequests.Select(s => new TaggedResource(s.RequestId, "spot-instances-request", s.Tags)))
            .Concat(state.Subnets.Select(s => new TaggedResource(s.SubnetId, "subnet", s.Tags)))
            .Append(new TaggedResource(state.DefaultVpc.VpcId, "vpc", state.DefaultVpc.Tags));

    private static List<TaggedResource> Resources(ActionContext ctx)
    {
        var ids = ctx.Params.GetList("ResourceId");
        if (ids.Count == 0)
        {
            throw Ec2Exception.Missing("ResourceId");
        }

        var all = All(ctx.State).ToDictionary(r => r.ResourceId, StringComparer.Ordinal);
        return [.. ids.Select(id => all.TryGetValue(id, out var resource) ? resource : throw NotFound(id))];
    }

    private static Ec2Exception NotFound(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        var (code, noun) = (dash < 0 ? id : id[..dash]) switch
        {
            "i" => ("InvalidInstanceID.NotFound", "instance ID"),
            "vol" => ("InvalidVolume.NotFound", "volume"),
            "sg" => ("InvalidGroup.NotFound", "security group"),
            "key" => ("InvalidKeyPair.NotFound", "key pair ID"),
            "eipalloc" => ("InvalidAllocationID.NotFound", "allocation ID"),
            "sir" => ("InvalidSpotInstanceRequestID.NotFound", "spot instance request ID"),
            "subnet" => ("InvalidSubnetID.NotFound", "subnet ID"),
            "vpc" => ("InvalidVpcID.NotFound", "vpc ID"),
            "ami" => ("InvalidAMIID.NotFound", "image id"),
            _ => ("InvalidID", "ID"),
        };
        return code == "InvalidID"
            ? new Ec2Exception(code, $"The ID '{id}' is not valid")
            : new Ec2Exception(code, $"The {noun} '{id}' does not exist");
    }

    private static void CreateTags(ActionContext ctx, XmlReply r)
    {
        var resources = Resources(ctx);
        var tags = ctx.Params.GetTags("Tag");
        if (tags.Count == 0)
        {
            throw Ec2Exception.Missing("Tag");
        }

        Lookup.ValidateTagKeys(tags);
        if (resources.Exists(res => res.Tags.Keys.Union(tags.Select(t => t.Key)).Count() > 50))
        {
            throw new Ec2Exception("TagLimitExceeded", "The maximum number of Tags for a resource has been reached.");
        }

        ctx.Checkpoint();
        foreach (var resource in resources)
        {
            foreach (var (key, value) in tags)
            {
                resource.Tags[key] = value;
            }
        }

        r.E("return", true);
    }

    private static void DeleteTags(ActionContext ctx, XmlReply r)
    {
        var resources = Resources(ctx);
        var tags = ctx.Params.GetStructs("Tag").Select(t => (Key: t.Get("Key") ?? throw Ec2Exception.Missing("Tag.Key"), Value: t.Get("Value"))).ToList();
        ctx.Checkpoint();
        foreach (var resource in resources)
        {
            if (tags.Count == 0)
            {
                resource.Tags.Clear();
                continue;
            }

            foreach (var (key, value) in tags)
            {
                if (resource.Tags.TryGetValue(key, out var current) && (value is null || value == current))
                {
                    resource.Tags.Remove(key);
                }
            }
        }

        r.E("return", true);
    }

    private static void DescribeTags(ActionContext ctx, XmlReply r)
    {
        var flat = All(ctx.State).SelectMany(res => res.Tags.Select(t => (Resource: res, t.Key, t.Value)));
        var (page, next) = Pagination.Page(Filters.Apply(flat, ctx.Params.GetFilters()).ToList(), ctx.Params, "DescribeTags", 5, 1000);
        r.Set("tagSet", page, (x, t) => x.E("resourceId", t.Resource.ResourceId).E("resourceType", t.Resource.ResourceType).E("key", t.Key).E("value", t.Value));
        r.E("nextToken", next);
    }
}
