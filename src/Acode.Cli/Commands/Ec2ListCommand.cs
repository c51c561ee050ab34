using System.CommandLine;
using Acode.Application.Compute.Ec2;
using Acode.Cli.CommandLine;
using Acode.Cli.Output;
using Acode.Infrastructure.Compute.Ec2.Orphans;

namespace Acode.Cli.Commands;

/// <summary>
/// <c>acode target ec2 list</c>: every acode-tagged instance with its state, age, address, rate, cost so far (the cost
/// ledger's figure when it tracked the instance) and orphan flag with its reason (<see cref="Ec2OrphanRules"/>, live local
/// sessions kept, as the cleanup sweep decides).
/// </summary>
internal static class Ec2ListCommand
{
    private const string Name = "acode target ec2 list";

    public static Command Create(CommandFactory factory)
    {
        var command = CommandFactory.Create(
            "list",
            "List acode's instances (tagged acode=true, not terminated) with type, state, age, address, spot or on-demand, hourly rate, cost so far and whether it is an orphan. Needs burst mode.",
            "acode target ec2 list --mode burst",
            "acode target ec2 list --all-regions --output json");
        var allRegions = new Option<bool>("--all-regions") { Description = "Look in every region, not only the configured one." };
        command.Options.Add(allRegions);
        factory.Handle(command, async (context, cancellationToken) =>
        {
            context.EnsureCloudAllowed();
            var everywhere = context.Parse.GetValue(allRegions);

            // With --all-regions the configured region only seeds the client, so none need be configured.
            var configuration = context.BuildEc2Configuration(c => everywhere && string.IsNullOrWhiteSpace(c.Region) ? c with { Region = "us-east-1" } : c);
            var manager = context.Require<IEc2InstanceManager>(Name);
            var makeRow = await Ec2InstanceRow.CreateMakerAsync(context, cancellationToken);
            var rows = new List<Ec2InstanceRow>();
            foreach (var region in everywhere ? [.. Ec2Regions.Commercial.Order(StringComparer.Ordinal)] : new[] { configuration.Region })
            {
                await foreach (var instance in manager.ListAcodeInstancesAsync(region, cancellationToken))
                {
                    rows.Add(makeRow(instance, Ec2Defaults.OrphanThreshold));
                }
            }

            if (context.Settings.Json)
            {
                JsonOutput.Write(context.Out, rows);
            }
            else if (rows.Count == 0)
            {
                context.Out.WriteLine("No acode instances.");
            }
            else
            {
                Ec2InstanceTable.Write(context.Out, rows);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
