using System.CommandLine;
using Acode.Application.Compute.Ec2;
using Acode.Cli.CommandLine;
using Acode.Cli.Output;

namespace Acode.Cli.Commands;

/// <summary>
/// <c>acode target ec2 cleanup</c>: lists orphans (dry run, the default) or terminates them with <c>--yes</c>. The
/// detector re-reads tags before terminating, so only acode's own instances can ever be touched.
/// </summary>
internal static class Ec2CleanupCommand
{
    private const string Name = "acode target ec2 cleanup";

    public static Command Create(CommandFactory factory)
    {
        var command = CommandFactory.Create(
            "cleanup",
            "Find acode instances left running (tagged acode=true and older than --older-than, or past their expiry) and, with --yes, terminate them. Without --yes nothing is touched: it shows what would go, with age, type and cost so far. Needs burst mode.",
            "acode target ec2 cleanup --mode burst",
            "acode target ec2 cleanup --older-than 30m --yes --mode burst");
        var olderThan = DurationOption.Create("--older-than", "Orphan threshold: instances launched longer ago than this.", Ec2Defaults.OrphanThreshold);
        var yes = new Option<bool>("--yes", "-y") { Description = "Terminate the orphans (default: dry run)." };
        command.Options.Add(olderThan);
        command.Options.Add(yes);
        factory.Handle(command, async (context, cancellationToken) =>
        {
            context.EnsureCloudAllowed();
            var configuration = context.BuildEc2Configuration();
            var threshold = context.Parse.GetValue(olderThan);
            var detector = context.Require<IEc2OrphanDetector>(Name);
            var orphans = await detector.DetectOrphansAsync(configuration.Region, threshold, cancellationToken);
            var makeRow = await Ec2InstanceRow.CreateMakerAsync(context, cancellationToken);
            var rows = orphans.Select(o => makeRow(o, threshold)).ToList();
            var result = context.Parse.GetValue(yes) && rows.Count > 0
                ? await detector.CleanupOrphansAsync(rows.Select(r => r.InstanceId), cancellationToken)
                : new Ec2OrphanCleanupResult { DryRun = true, Terminated = [.. rows.Select(r => r.InstanceId)] };

            if (context.Settings.Json)
            {
                JsonOutput.Write(context.Out, new
                {
                    dryRun = result.DryRun,
                    olderThanSeconds = threshold.TotalSeconds,
                    orphans = rows,
                    terminated = result.Terminated,
                    skipped = result.Skipped,
                });
                return ExitCodes.Success;
            }

            if (rows.Count == 0)
            {
                context.Out.WriteLine($"No orphans in {configuration.Region} (acode instances older than {Durations.Format(threshold)}).");
                return ExitCodes.Success;
            }

            Ec2InstanceTable.Write(context.Out, rows);
            if (result.DryRun)
            {
                context.Out.WriteLine($"Dry run: {rows.Count} instance(s) would be terminated. Run again with --yes to terminate them.");
                return ExitCodes.Success;
            }

            context.Out.WriteLine($"Terminated {result.Terminated.Count} instance(s): {string.Join(", ", result.Terminated)}");
            foreach (var (id, reason) in result.Skipped)
            {
                context.Out.WriteLine($"Skipped {id}: {reason}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
