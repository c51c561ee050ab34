using Acode.Cli.Output;
using Acode.Infrastructure.Compute.Ec2.Orphans;

namespace Acode.Cli.Commands;

/// <summary>
/// How <c>cleanup</c> shows its result: one row per resource looked at, with what happened (in a dry run: what would
/// happen) and why, then the regions skipped and a summary.
/// </summary>
internal static class Ec2CleanupReport
{
    public static void WriteJson(TextWriter writer, Ec2CleanupResult result, IReadOnlyList<Ec2InstanceRow> orphans)
    {
        var plan = result.Plan;
        JsonOutput.Write(writer, new
        {
            dryRun = result.DryRun,
            regions = plan.Regions,
            skippedRegions = plan.SkippedRegions,
            olderThanSeconds = plan.Threshold.TotalSeconds,
            resources = result.Outcomes.Select(o => new { kind = o.Kind, id = o.ResourceId, name = o.Name, region = o.Region, action = o.Action, reason = o.Reason }),
            summary = Enum.GetValues<Ec2CleanupAction>()
                .Select(a => (Action: a, Count: result.Outcomes.Count(o => o.Action == a)))
                .Where(c => c.Count > 0)
                .ToDictionary(c => JsonName(c.Action), c => c.Count),
            orphans,
        });
    }

    public static void WriteText(TextWriter writer, Ec2CleanupResult result)
    {
        var plan = result.Plan;
        var scope = plan.Regions.Count == 1 ? plan.Regions[0] : $"{plan.Regions.Count} regions";
        if (result.Outcomes.Count == 0)
        {
            writer.WriteLine($"Nothing to clean up in {scope}: no acode instance launched more than {Durations.Format(plan.Threshold)} ago or past its expiry, no acode security group or key pair.");
        }
        else
        {
            var table = new TextTable("ACTION", "KIND", "ID", "NAME", "REGION", "REASON");
            foreach (var o in result.Outcomes)
            {
                table.Add(ActionText(o.Action), KindText(o.Kind), o.ResourceId, o.Name ?? "-", o.Region, o.Reason);
            }

            table.WriteTo(writer);
        }

        foreach (var skipped in plan.SkippedRegions)
        {
            writer.WriteLine($"Skipped region {skipped.Region}: {skipped.Note}.");
        }

        if (result.DryRun)
        {
            var instances = result.Ids(Ec2CleanupAction.WouldTerminate).Count;
            var others = result.Ids(Ec2CleanupAction.WouldDelete);
            writer.WriteLine(instances + others.Count == 0
                ? "Dry run: nothing would be removed."
                : $"Dry run, nothing changed: {Counts(result, Ec2CleanupAction.WouldTerminate, Ec2CleanupAction.WouldDelete)} would be removed{Saving(plan)}. Run again with --yes to remove them.");
            return;
        }

        writer.WriteLine($"Removed: {Counts(result, Ec2CleanupAction.Terminated, Ec2CleanupAction.Deleted)}.");
    }

    private static string Counts(Ec2CleanupResult result, Ec2CleanupAction terminate, Ec2CleanupAction delete) =>
        $"{result.Ids(terminate, Ec2CleanupResourceKind.Instance).Count} instance(s), "
        + $"{result.Ids(delete, Ec2CleanupResourceKind.SecurityGroup).Count} security group(s), "
        + $"{result.Ids(delete, Ec2CleanupResourceKind.KeyPair).Count} key pair(s)";

    private static string Saving(Ec2CleanupPlan plan) =>
        plan.HourlyRate > 0 ? $" (they cost {Money.Format(plan.CostSoFar)} so far, {Money.Hourly(plan.HourlyRate)} from now on)" : string.Empty;

    private static string JsonName(Ec2CleanupAction action) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(action.ToString());

    private static string ActionText(Ec2CleanupAction action) => action switch
    {
        Ec2CleanupAction.WouldTerminate => "would terminate",
        Ec2CleanupAction.WouldDelete => "would delete",
        Ec2CleanupAction.AlreadyGone => "already gone",
        Ec2CleanupAction.Skipped => "kept",
        _ => action.ToString().ToLowerInvariant(),
    };

    private static string KindText(Ec2CleanupResourceKind kind) => kind switch
    {
        Ec2CleanupResourceKind.SecurityGroup => "security group",
        Ec2CleanupResourceKind.KeyPair => "key pair",
        _ => "instance",
    };
}
