using System.CommandLine;
using System.Globalization;
using Acode.Application.Compute.Ec2.Catalog;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Cli.CommandLine;
using Acode.Cli.Errors;
using Acode.Cli.Output;

namespace Acode.Cli.Commands;

/// <summary>
/// <c>acode target ec2 cost</c>: an estimate from the catalogue and <see cref="Ec2CostCalculator"/>, every component
/// with its hourly rate, the total, and the assumptions behind it. Offline in the catalogue's regions, so any mode may
/// ask; elsewhere the price is looked up live in burst mode, and without a price the command refuses and says why.
/// </summary>
internal static class Ec2CostCommand
{
    private static readonly string[] NotIncluded =
    [
        "data transfer", "snapshots", "CPU credits above a burstable type's baseline", "gp3 IOPS or throughput above the baseline", "taxes",
    ];

    public static Command Create(CommandFactory factory)
    {
        var command = CommandFactory.Create(
            "cost",
            "Estimate what a run costs: instance-hours, root EBS volume, public IPv4 address, their hourly rate and total, and the assumptions. Offline (acode's price catalogue) in us-east-1, us-east-2, us-west-2 and eu-west-1, in every mode; other regions are looked up in the AWS Price List in burst mode. Other settings (volume type, addresses, savings plan) come from the config file.",
            "acode target ec2 cost --instance-type t3.medium --hours 2",
            "acode target ec2 cost --instance-type g4dn.xlarge --spot --ebs-size 100 --region us-west-2 --output json");
        var instanceType = new Option<string?>("--instance-type") { Description = "Instance type (default: the configured one, else t3.medium)." };
        var spot = new Option<bool>("--spot") { Description = "Price as spot (offline: the on-demand price less an assumed discount)." };
        var hours = NumberOption.Decimal("--hours", "Expected run time in hours.", 1m);
        var ebsSize = NumberOption.OptionalWhole("--ebs-size", "Root volume GiB (default: the configured size, else 20).");
        command.Options.Add(instanceType);
        command.Options.Add(spot);
        command.Options.Add(hours);
        command.Options.Add(ebsSize);
        factory.Handle(command, async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            FlagCheck.Require(parse.GetValue(hours) is > 0m and <= 87600m, "--hours", "must be more than 0 and at most 87600 (ten years)");
            var configuration = PricingRegion.Resolve(
                context,
                c => c with
                {
                    InstanceType = parse.GetValue(instanceType) ?? c.InstanceType,
                    SpotEnabled = parse.GetValue(spot) || c.SpotEnabled,
                    EbsSizeGb = parse.GetValue(ebsSize) ?? c.EbsSizeGb,
                },
                out var regionAssumed);
            var check = Ec2InstanceTypeValidator.Check(configuration.InstanceType, configuration.Region);
            if (!check.IsValid)
            {
                throw new UsageException("--instance-type", string.Join("; ", check.Errors));
            }

            var runHours = parse.GetValue(hours);
            var request = await LivePriceLookup.FillAsync(context, configuration, Ec2CostRequest.FromConfiguration(configuration, TimeSpan.FromHours((double)runHours)), cancellationToken);
            var cost = Ec2CostCalculator.Calculate(request);
            var billedHours = (decimal)cost.BilledDuration.TotalSeconds / 3600m;
            var assumptions = cost.Assumptions.ToList();
            if (regionAssumed)
            {
                assumptions.Insert(0, $"region {PricingRegion.Default} (none configured; pass --region)");
            }

            assumptions.Add($"prices: {(request.OnDemandHourlyRate is null ? Ec2InstanceCatalog.Source : Ec2ListPrices.Source)}");
            var components = new List<CostComponent>
            {
                new("instance", cost.InstanceHourlyRate, cost.InstanceCost),
                new($"EBS {configuration.EbsVolumeType} {configuration.EbsSizeGb} GiB", cost.EbsCost / billedHours, cost.EbsCost),
            };
            if (cost.PublicIpv4Cost > 0m)
            {
                components.Add(new("public IPv4", cost.PublicIpv4Cost / billedHours, cost.PublicIpv4Cost));
            }

            if (cost.ElasticIpCost > 0m)
            {
                components.Add(new("Elastic IP", cost.ElasticIpCost / billedHours, cost.ElasticIpCost));
            }

            if (context.Settings.Json)
            {
                JsonOutput.Write(context.Out, new
                {
                    instanceType = cost.InstanceType,
                    region = cost.Region,
                    spot = configuration.SpotEnabled,
                    hours = runHours,
                    billedSeconds = cost.BilledDuration.TotalSeconds,
                    discount = cost.Discount,
                    onDemandHourlyRate = cost.OnDemandHourlyRate,
                    instanceHourlyRate = cost.InstanceHourlyRate,
                    hourlyRate = cost.HourlyRate,
                    totalCost = cost.TotalCost,
                    components,
                    assumptions,
                    warnings = check.Warnings,
                    notIncluded = NotIncluded,
                });
                return ExitCodes.Success;
            }

            var pricing = configuration.SpotEnabled ? $"spot (on-demand {Money.Hourly(cost.OnDemandHourlyRate)})" : "on-demand";
            context.Out.WriteLine($"{cost.InstanceType} in {cost.Region}, {pricing}, for {runHours.ToString(CultureInfo.InvariantCulture)} h (billed {Durations.Format(cost.BilledDuration)}):");
            var table = new TextTable("COMPONENT", "RATE", "COST");
            foreach (var component in components)
            {
                table.Add(component.Name, Money.Hourly(component.HourlyRate), Money.Format(component.Cost));
            }

            table.Add("total", Money.Hourly(cost.HourlyRate), Money.Format(cost.TotalCost)).WriteTo(context.Out);
            context.Out.WriteLine("Assumptions:");
            foreach (var assumption in assumptions)
            {
                context.Out.WriteLine("  - " + assumption);
            }

            foreach (var warning in check.Warnings)
            {
                context.Out.WriteLine("Warning: " + warning);
            }

            context.Out.WriteLine("Not included: " + string.Join(", ", NotIncluded) + ".");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One line of the estimate (also its JSON shape).</summary>
    private sealed record CostComponent(string Name, decimal HourlyRate, decimal Cost);
}
