using System.Text.RegularExpressions;
using Acode.Ec2Emulator.Protocol;
using Acode.Ec2Emulator.State;

namespace Acode.Ec2Emulator.Actions;

/// <summary>CreateLaunchTemplate, DeleteLaunchTemplate, DescribeLaunchTemplates: one version per template, enough for EC2 Fleet.</summary>
internal static partial class LaunchTemplateActions
{
    private static readonly FilterSpec<LaunchTemplateRecord> Filters = new(t => t.Tags)
    {
        ["launch-template-name"] = t => [t.LaunchTemplateName],
    };

    public static void Register(ActionRegistry registry)
    {
        registry.Mutation("CreateLaunchTemplate", Create);
        registry.Mutation("DeleteLaunchTemplate", Delete);
        registry.Query("DescribeLaunchTemplates", Describe);
    }

    /// <summary>The template <paramref name="p"/> names by <c>LaunchTemplateId</c> or <c>LaunchTemplateName</c>.</summary>
    public static LaunchTemplateRecord Find(ActionContext ctx, QueryParameters p)
    {
        if (p.Get("LaunchTemplateId") is { } id)
        {
            return ctx.State.LaunchTemplates.Find(t => t.LaunchTemplateId == id)
                ?? throw new Ec2Exception("InvalidLaunchTemplateId.NotFound", $"The specified launch template, with template ID {id}, does not exist.");
        }

        var name = p.Get("LaunchTemplateName") ?? throw Ec2Exception.Missing("LaunchTemplateId");
        return ctx.State.LaunchTemplates.Find(t => t.LaunchTemplateName == name)
            ?? throw new Ec2Exception("InvalidLaunchTemplateName.NotFoundException", $"The specified launch template, with template name {name}, does not exist.");
    }

    private static void Create(ActionContext ctx, XmlReply r)
    {
        var name = ctx.Params.Require("LaunchTemplateName");
        if (!ValidName().IsMatch(name))
        {
            throw Ec2Exception.InvalidValue("LaunchTemplateName", name, "A launch template name must be 3 to 128 characters of letters, digits and ( ) . - / _.");
        }

        var data = ctx.Params.Sub("LaunchTemplateData");
        if (data.IsEmpty)
        {
            throw Ec2Exception.Missing("LaunchTemplateData");
        }

        if (ctx.State.LaunchTemplates.Exists(t => t.LaunchTemplateName == name))
        {
            throw new Ec2Exception("InvalidLaunchTemplateName.AlreadyExistsException", $"Launch template name already in use.");
        }

        var tags = Lookup.TagSpecifications(ctx, "launch-template", "launch-template");
        ctx.Checkpoint();
        var record = new LaunchTemplateRecord { LaunchTemplateId = Ids.New("lt"), LaunchTemplateName = name, Data = data, CreateTime = Timestamps.Truncate(ctx.Now) };
        foreach (var (k, v) in tags)
        {
            record.Tags[k] = v;
        }

        ctx.State.LaunchTemplates.Add(record);
        Write(r.Open("launchTemplate"), ctx, record).Close();
    }

    private static void Delete(ActionContext ctx, XmlReply r)
    {
        var record = Find(ctx, ctx.Params);
        ctx.Checkpoint();
        ctx.State.LaunchTemplates.Remove(record);
        Write(r.Open("launchTemplate"), ctx, record).Close();
    }

    private static void Describe(ActionContext ctx, XmlReply r)
    {
        var ids = ctx.Params.GetList("LaunchTemplateId");
        var names = ctx.Params.GetList("LaunchTemplateName");
        var selected = ids.Select(id => Find(ctx, new QueryParameters(new() { ["LaunchTemplateId"] = id })))
            .Concat(names.Select(n => Find(ctx, new QueryParameters(new() { ["LaunchTemplateName"] = n }))))
            .ToList();
        var source = ids.Count + names.Count > 0 ? selected : ctx.State.LaunchTemplates;
        r.Set("launchTemplates", Filters.Apply(source, ctx.Params.GetFilters()), (x, t) => Write(x, ctx, t));
    }

    private static XmlReply Write(XmlReply x, ActionContext ctx, LaunchTemplateRecord t) =>
        x.E("launchTemplateId", t.LaunchTemplateId).E("launchTemplateName", t.LaunchTemplateName).E("createTime", t.CreateTime)
            .E("createdBy", $"arn:aws:iam::{ctx.State.AccountId}:root").E("defaultVersionNumber", 1L).E("latestVersionNumber", 1L).Tags(t.Tags);

    [GeneratedRegex(@"^[a-zA-Z0-9().\-/_]{3,128}$")]
    private static partial Regex ValidName();
}
