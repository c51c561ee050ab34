using Acode.Ec2Emulator.Protocol;
using Acode.Ec2Emulator.State;

namespace Acode.Ec2Emulator.Actions;

/// <summary>Id checks shared by the actions: malformed ids and missing resources get AWS's codes.</summary>
internal static class Lookup
{
    public static List<Instance> Instances(ActionContext ctx, IReadOnlyList<string> ids)
    {
        foreach (var id in ids)
        {
            if (!Ids.IsWellFormed(id, "i"))
            {
                throw new Ec2Exception("InvalidInstanceID.Malformed", $"Invalid id: \"{id}\"");
            }
        }

        var missing = ids.Where(id => ctx.State.FindInstance(id) is null).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 1)
        {
            throw new Ec2Exception("InvalidInstanceID.NotFound", $"The instance ID '{missing[0]}' does not exist");
        }

        if (missing.Count > 1)
        {
            throw new Ec2Exception("InvalidInstanceID.NotFound", $"The instance IDs '{string.Join(", ", missing)}' do not exist");
        }

        return [.. ids.Distinct(StringComparer.Ordinal).Select(id => ctx.State.FindInstance(id)!)];
    }

    public static Instance Instance(ActionContext ctx, string id) => Instances(ctx, [id])[0];

    public static SecurityGroupRecord Group(ActionContext ctx, string id)
    {
        if (!Ids.IsWellFormed(id, "sg"))
        {
            throw new Ec2Exception("InvalidGroupId.Malformed", $"Invalid id: \"{id}\" (expecting \"sg-...\")");
        }

        return ctx.State.SecurityGroups.Find(g => g.GroupId == id)
            ?? throw new Ec2Exception("InvalidGroup.NotFound", $"The security group '{id}' does not exist");
    }

    public static SecurityGroupRecord GroupByName(ActionContext ctx, string name) =>
        ctx.State.SecurityGroups.Find(g => string.Equals(g.GroupName, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new Ec2Exception("InvalidGroup.NotFound", $"The security group '{name}' does not exist in default VPC '{ctx.State.DefaultVpc.VpcId}'");

    /// <summary>The instance ids of <c>InstanceId.N</c>, refusing MaxResults alongside them as EC2 does.</summary>
    public static List<string> InstanceIdsWithoutMaxResults(ActionContext ctx)
    {
        var ids = ctx.Params.GetList("InstanceId");
        if (ids.Count > 0 && ctx.Params.Get("MaxResults") is not null)
        {
            throw new Ec2Exception("InvalidParameterCombination", "The parameter instancesSet cannot be used with the parameter maxResults");
        }

        return ids;
    }

    public static void ValidateTagKeys(IEnumerable<KeyValuePair<string, string>> tags)
    {
        foreach (var (key, value) in tags)
        {
            if (key.Length is 0 or > 128)
            {
                throw new Ec2Exception("InvalidParameterValue", $"Tag key must be between 1 and 128 characters: '{key}'");
            }

            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw new Ec2Exception("InvalidParameterValue", "Tag keys starting with 'aws:' are reserved for internal use");
            }

            if (value.Length > 256)
            {
                throw new Ec2Exception("InvalidParameterValue", $"Tag value exceeds the maximum length of 256 characters for key '{key}'");
            }
        }
    }

    /// <summary>Tags of <c>TagSpecification.N</c> for one resource type; other types must be in <paramref name="allowed"/>.</summary>
    public static List<KeyValuePair<string, string>> TagSpecifications(ActionContext ctx, string resourceType, params string[] allowed)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var spec in ctx.Params.GetStructs("TagSpecification"))
        {
            var type = spec.Get("ResourceType") ?? throw Ec2Exception.Missing("TagSpecification.ResourceType");
            if (!allowed.Contains(type))
            {
                throw new Ec2Exception("InvalidParameterValue", $"'{type}' is not a valid taggable resource type for this operation.");
            }

            var tags = spec.GetTags("Tag");
            ValidateTagKeys(tags);
            if (type == resourceType)
            {
                result.AddRange(tags);
            }
        }

        return result;
    }
}
