using System.CommandLine;
using Acode.Application.Compute.Ec2;
using Acode.Cli.CommandLine;
using Acode.Infrastructure.Compute.Ec2.Orphans;

namespace Acode.Cli.Commands;

/// <summary>
/// <c>acode target ec2 cleanup</c>: what acode left behind, in one region or every enabled one: orphan instances,
/// temporary security groups and auto key pairs. A dry run unless <c>--yes</c>; the detector re-reads tags right before
/// each change, so only resources tagged <c>acode=true</c> can ever be touched.
/// </summary>
internal static class Ec2CleanupCommand
{
    private const string Name = "acode target ec2 cleanup";

    public static Command Create(CommandFactory factory)
    {
        var command = CommandFactory.Create(
            "cleanup",
            "Remove what acode left behind, and only that: (1) instances tagged acode=true that are pending, running, stopping or stopped and were launched longer ago than --older-than or are past their acode:expires-at; (2) temporary security groups and (3) auto key pairs (acode-<session>) tagged acode=true that no instance uses any more and whose session is over. Anything without the tag acode=true is never touched, even if its name starts with acode-; a live local session is kept. Scope: the configured region (--region), or every region enabled for the account with --all-regions (looked at in parallel; a region the account has not enabled is skipped with a note). Without --yes nothing is changed: every resource is listed with what would happen and why. Needs burst mode.",
            "acode target ec2 cleanup --mode burst",
            "acode target ec2 cleanup --all-regions --output json --mode burst",
            "acode target ec2 cleanup --older-than 30m --yes --mode burst");
        var olderThan = DurationOption.Create("--older-than", "Orphan threshold: instances launched, and key pairs created, longer ago than this.", Ec2Defaults.OrphanThreshold);
        var yes = new Option<bool>("--yes", "-y") { Description = "Terminate the orphans and delete the unused security groups and key pairs (default: dry run, nothing changed)." };
        var allRegions = new Option<bool>("--all-regions") { Description = "Sweep every region enabled for the account (DescribeRegions), in parallel, instead of the configured one." };
        command.Options.Add(olderThan);
        command.Options.Add(yes);
        command.Options.Add(allRegions);
        factory.Handle(command, async (context, cancellationToken) =>
        {
            context.EnsureCloudAllowed();
            var everywhere = context.Parse.GetValue(allRegions);

            // With --all-regions the configured region only seeds the client that lists the regions.
            context.BuildEc2Configuration(c => everywhere && string.IsNullOrWhiteSpace(c.Region) ? c with { Region = "us-east-1" } : c);
            var detector = context.Require<Ec2OrphanDetector>(Name);
            var request = new Ec2CleanupRequest { AllRegions = everywhere, Threshold = context.Parse.GetValue(olderThan), Yes = context.Parse.GetValue(yes) };
            var result = await detector.CleanupAsync(request, cancellationToken);
            var makeRow = await Ec2InstanceRow.CreateMakerAsync(context, cancellationToken);
            var orphans = result.Plan.Orphans.Select(o => makeRow(o.Instance, result.Plan.InstanceThreshold)).ToList();
            if (context.Settings.Json)
            {
                Ec2CleanupReport.WriteJson(context.Out, result, orphans);
            }
            else
            {
                Ec2CleanupReport.WriteText(context.Out, result);
            }

            if (result.Succeeded)
            {
                return ExitCodes.Success;
            }

            await context.Host.Error.WriteLineAsync($"acode: {result.Ids(Ec2CleanupAction.Failed).Count} resource(s) could not be removed (the rows marked failed say why); run cleanup again to retry.");
            return ExitCodes.Failure;
        });
        return command;
    }
}
