using System.Globalization;
using System.Net;
using Acode.Ec2Emulator.Protocol;
using Acode.Ec2Emulator.State;

namespace Acode.Ec2Emulator.Actions;

/// <summary>Create/Delete/Describe security groups and Authorize/Revoke ingress rules.</summary>
internal static class SecurityGroupActions
{
    private static readonly FilterSpec<SecurityGroupRecord> Filters = new(g => g.Tags)
    {
        ["group-id"] = g => [g.GroupId],
        ["group-name"] = g => [g.GroupName],
        ["vpc-id"] = g => [g.VpcId],
        ["description"] = g => [g.Description],
        ["ip-permission.protocol"] = g => g.Rules.Where(r => !r.IsEgress).Select(r => r.Protocol),
        ["ip-permission.from-port"] = g => g.Rules.Where(r => !r.IsEgress).Select(r => Port(r.FromPort)),
        ["ip-permission.to-port"] = g => g.Rules.Where(r => !r.IsEgress).Select(r => Port(r.ToPort)),
        ["ip-permission.cidr"] = g => g.Rules.Where(r => !r.IsEgress).Select(r => r.CidrIpv4),
        ["ip-permission.ipv6-cidr"] = g => g.Rules.Where(r => !r.IsEgress).Select(r => r.CidrIpv6),
        ["ip-permission.group-id"] = g => g.Rules.Where(r => !r.IsEgress).Select(r => r.SourceGroupId),
        ["egress.ip-permission.cidr"] = g => g.Rules.Where(r => r.IsEgress).Select(r => r.CidrIpv4),
        ["egress.ip-permission.protocol"] = g => g.Rules.Where(r => r.IsEgress).Select(r => r.Protocol),
    };

    public static void Register(ActionRegistry registry)
    {
        registry.Mutation("CreateSecurityGroup", Create);
        registry.Mutation("DeleteSecurityGroup", Delete);
        registry.Query("DescribeSecurityGroups", Describe);
        registry.Mutation("AuthorizeSecurityGroupIngress", Authorize);
        registry.Mutation("RevokeSecurityGroupIngress", Revoke);
    }

    private static string? Port(int? port) => port?.ToString(CultureInfo.InvariantCulture);

    private static void Create(ActionContext ctx, XmlReply r)
    {
        var name = ctx.Params.Require("GroupName");
        var description = ctx.Params.Require("GroupDescription");
        if (name.Length > 255 || name.StartsWith("sg-", StringComparison.OrdinalIgnoreCase))
        {
            throw Ec2Exception.InvalidValue("GroupName", name);
        }

        if (description.Length > 255)
        {
            throw Ec2Exception.InvalidValue("GroupDescription", description);
        }

        var vpcId = ctx.Params.Get("VpcId") ?? ctx.State.DefaultVpcId ?? throw RunInstancesAction.NoDefaultVpc();
        if (vpcId != ctx.State.DefaultVpc.VpcId)
        {
            throw new Ec2Exception("InvalidVpcID.NotFound", $"The vpc ID '{vpcId}' does not exist");
        }

        if (ctx.State.SecurityGroups.Exists(g => string.Equals(g.GroupName, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new Ec2Exception("InvalidGroup.Duplicate", $"The security group '{name}' already exists for VPC '{vpcId}'");
        }

        var tags = Lookup.TagSpecifications(ctx, "security-group", "security-group");
        ctx.Checkpoint();
        var group = new SecurityGroupRecord { GroupId = Ids.New("sg"), GroupName = name, Description = description, VpcId = vpcId };
        group.Rules.Add(new SecurityGroupRule(Ids.New("sgr"), true, "-1", null, null, "0.0.0.0/0", null, null, null));
        foreach (var (k, v) in tags)
        {
            group.Tags[k] = v;
        }

        ctx.State.SecurityGroups.Add(group);
        r.E("return", true).E("groupId", group.GroupId).Tags(group.Tags)
            .E("securityGroupArn", $"arn:aws:ec2:{ctx.State.Region}:{ctx.State.AccountId}:security-group/{group.GroupId}");
    }

    private static SecurityGroupRecord Target(ActionContext ctx)
    {
        var id = ctx.Params.Get("GroupId");
        var name = ctx.Params.Get("GroupName");
        return id is not null ? Lookup.Group(ctx, id)
            : name is not null ? Lookup.GroupByName(ctx, name)
            : throw Ec2Exception.Missing("GroupId");
    }

    private static void Delete(ActionContext ctx, XmlReply r)
    {
        var group = Target(ctx);
        if (group == ctx.State.DefaultGroup)
        {
            throw new Ec2Exception("CannotDelete", $"the specified group: \"{group.GroupId}\" name: \"default\" cannot be deleted by a user");
        }

        var inUse = ctx.State.Instances.Exists(i => i.State != InstanceState.Terminated && i.Groups.Contains(group))
            || ctx.State.SecurityGroups.Exists(g => g != group && g.Rules.Exists(rule => rule.SourceGroupId == group.GroupId));
        if (inUse)
        {
            throw new Ec2Exception("DependencyViolation", $"resource {group.GroupId} has a dependent object");
        }

        ctx.Checkpoint();
        ctx.State.SecurityGroups.Remove(group);
        r.E("return", true).E("groupId", group.GroupId);
    }

    private static void Describe(ActionContext ctx, XmlReply r)
    {
        var ids = ctx.Params.GetList("GroupId");
        var names = ctx.Params.GetList("GroupName");
        IEnumerable<SecurityGroupRecord> source = ctx.State.SecurityGroups;
        if (ids.Count > 0 || names.Count > 0)
        {
            source = [.. ids.Select(id => Lookup.Group(ctx, id)), .. names.Select(n => Lookup.GroupByName(ctx, n))];
        }

        var (page, next) = Pagination.Page(Filters.Apply(source.Distinct(), ctx.Params.GetFilters()).ToList(), ctx.Params, "DescribeSecurityGroups", 5, 1000);
        r.Set("securityGroupInfo", page, (x, g) =>
        {
            x.E("ownerId", ctx.State.AccountId).E("groupId", g.GroupId).E("groupName", g.GroupName).E("groupDescription", g.Description).E("vpcId", g.VpcId);
            Permissions(x, ctx, "ipPermissions", g.Rules.Where(rule => !rule.IsEgress));
            Permissions(x, ctx, "ipPermissionsEgress", g.Rules.Where(rule => rule.IsEgress));
            x.Tags(g.Tags).E("securityGroupArn", $"arn:aws:ec2:{ctx.State.Region}:{ctx.State.AccountId}:security-group/{g.GroupId}");
        });
        r.E("nextToken", next);
    }

    private static void Permissions(XmlReply r, ActionContext ctx, string element, IEnumerable<SecurityGroupRule> rules) =>
        r.Set(element, rules.GroupBy(rule => (rule.Protocol, rule.FromPort, rule.ToPort)), (x, g) =>
        {
            x.E("ipProtocol", g.Key.Protocol).E("fromPort", (long?)g.Key.FromPort).E("toPort", (long?)g.Key.ToPort);
            x.Set("groups", g.Where(rule => rule.SourceGroupId is not null), (y, rule) => y.E("userId", ctx.State.AccountId).E("groupId", rule.SourceGroupId).E("description", rule.Description));
            x.Set("ipRanges", g.Where(rule => rule.CidrIpv4 is not null), (y, rule) => y.E("cidrIp", rule.CidrIpv4).E("description", rule.Description));
            x.Set("ipv6Ranges", g.Where(rule => rule.CidrIpv6 is not null), (y, rule) => y.E("cidrIpv6", rule.CidrIpv6).E("description", rule.Description));
            x.Open("prefixListIds").Close();
        });

    private static void Authorize(ActionContext ctx, XmlReply r)
    {
        var group = Target(ctx);
        var rules = ParseRules(ctx, group);
        foreach (var rule in rules)
        {
            if (group.Rules.Exists(existing => existing.SameAs(rule)))
            {
                var source = rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.SourceGroupId;
                throw new Ec2Exception("InvalidPermission.Duplicate", $"the specified rule \"peer: {source}, {rule.Protocol.ToUpperInvariant()}, from port: {rule.FromPort}, to port: {rule.ToPort}, ALLOW\" already exists");
            }
        }

        ctx.Checkpoint();
        group.Rules.AddRange(rules);
        r.E("return", true);
        r.Set("securityGroupRuleSet", rules, (x, rule) => x.E("securityGroupRuleId", rule.RuleId).E("groupId", group.GroupId)
            .E("groupOwnerId", ctx.State.AccountId).E("isEgress", false).E("ipProtocol", rule.Protocol).E("fromPort", (long)(rule.FromPort ?? -1))
            .E("toPort", (long)(rule.ToPort ?? -1)).E("cidrIpv4", rule.CidrIpv4).E("cidrIpv6", rule.CidrIpv6).E("description", rule.Description));
    }

    private static void Revoke(ActionContext ctx, XmlReply r)
    {
        var group = Target(ctx);
        var rules = ParseRules(ctx, group);
        var matched = rules.Select(rule => group.Rules.Find(existing => existing.SameAs(rule))).ToList();
        if (matched.TrueForAll(m => m is null))
        {
            throw new Ec2Exception("InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
        }

        ctx.Checkpoint();
        foreach (var rule in matched.OfType<SecurityGroupRule>())
        {
            group.Rules.Remove(rule);
        }

        r.E("return", true);
    }

    private static List<SecurityGroupRule> ParseRules(ActionContext ctx, SecurityGroupRecord group)
    {
        var permissions = ctx.Params.GetStructs("IpPermissions");
        if (permissions.Count == 0 && ctx.Params.Get("IpProtocol") is not null)
        {
            var flat = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, target) in new[] { ("IpProtocol", "IpProtocol"), ("FromPort", "FromPort"), ("ToPort", "ToPort"), ("CidrIp", "IpRanges.1.CidrIp") })
            {
                if (ctx.Params.Get(key) is { } v)
                {
                    flat[target] = v;
                }
            }

            if (ctx.Params.Get("SourceSecurityGroupName") is { } sourceName)
            {
                flat["Groups.1.GroupId"] = Lookup.GroupByName(ctx, sourceName).GroupId;
            }

            permissions.Add(new QueryParameters(flat));
        }

        if (permissions.Count == 0)
        {
            throw Ec2Exception.Missing("IpPermissions");
        }

        var rules = new List<SecurityGroupRule>();
        foreach (var p in permissions)
        {
            var protocol = Protocol(p.Get("IpProtocol") ?? throw Ec2Exception.Missing("IpPermissions.IpProtocol"));
            int? from = null, to = null;
            if (protocol is "tcp" or "udp" or "icmp")
            {
                from = p.GetInt("FromPort");
                to = p.GetInt("ToPort");
                if (from is null || to is null)
                {
                    throw new Ec2Exception("InvalidParameterValue", "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange");
                }

                if (protocol != "icmp" && (from < 0 || to > 65535 || from > to))
                {
                    throw new Ec2Exception("InvalidParameterValue", $"Invalid value '{from}-{to}' for portRange");
                }
            }

            var before = rules.Count;
            foreach (var range in p.GetStructs("IpRanges"))
            {
                var cidr = range.Get("CidrIp") ?? throw Ec2Exception.Missing("IpRanges.CidrIp");
                if (!IPNetwork.TryParse(cidr, out var net) || net.BaseAddress.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
                {
                    throw new Ec2Exception("InvalidParameterValue", $"CIDR block {cidr} is malformed");
                }

                rules.Add(new SecurityGroupRule(Ids.New("sgr"), false, protocol, from, to, cidr, null, null, range.Get("Description")));
            }

            foreach (var range in p.GetStructs("Ipv6Ranges"))
            {
                var cidr = range.Get("CidrIpv6") ?? throw Ec2Exception.Missing("Ipv6Ranges.CidrIpv6");
                if (!IPNetwork.TryParse(cidr, out _))
                {
                    throw new Ec2Exception("InvalidParameterValue", $"CIDR block {cidr} is malformed");
                }

                rules.Add(new SecurityGroupRule(Ids.New("sgr"), false, protocol, from, to, null, cidr, null, range.Get("Description")));
            }

            foreach (var pair in p.GetStructs("Groups"))
            {
                var source = pair.Get("GroupId") is { } id ? Lookup.Group(ctx, id) : Lookup.GroupByName(ctx, pair.Get("GroupName") ?? throw Ec2Exception.Missing("Groups.GroupId"));
                rules.Add(new SecurityGroupRule(Ids.New("sgr"), false, protocol, from, to, null, null, source.GroupId, pair.Get("Description")));
            }

            if (rules.Count == before)
            {
                throw new Ec2Exception("InvalidParameterValue", $"The request for security group {group.GroupId} has a rule without a source (IpRanges, Ipv6Ranges or Groups).");
            }
        }

        return rules;
    }

    private static string Protocol(string value) => value.ToLowerInvariant() switch
    {
        "tcp" or "6" => "tcp",
        "udp" or "17" => "udp",
        "icmp" or "1" => "icmp",
        "-1" or "all" => "-1",
        var other when int.TryParse(other, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 255 => other,
        _ => throw new Ec2Exception("InvalidParameterValue", $"Invalid value '{value}' for IP protocol. Unknown protocol."),
    };
}
