using System.CommandLine;
using System.Globalization;
using Acode.Application.Compute.Ec2.Catalog;
using Acode.Cli.CommandLine;
using Acode.Cli.Output;

namespace Acode.Cli.Commands;

/// <summary><c>acode target ec2 recommend</c>: the cheapest catalogued types that fit, from <see cref="Ec2InstanceRecommender"/>. Offline; any mode.</summary>
internal static class Ec2RecommendCommand
{
    public static Command Create(CommandFactory factory)
    {
        var command = CommandFactory.Create(
            "recommend",
            "Recommend the cheapest instance types with at least the given vCPUs, memory and GPUs, cheapest first, with the reason. Offline (acode's price catalogue); allowed in every mode.",
            "acode target ec2 recommend --cpus 4 --memory 16",
            "acode target ec2 recommend --cpus 4 --memory 16 --gpus 1 --spot --max-price 0.40 --output json");
        var cpus = NumberOption.Whole("--cpus", "Minimum vCPUs.");
        cpus.Required = true;
        var memory = NumberOption.Decimal("--memory", "Minimum memory in GiB.");
        memory.Required = true;
        var gpus = NumberOption.Whole("--gpus", "Minimum GPUs (default 0: GPU types are left out).");
        var spot = new Option<bool>("--spot") { Description = "Rank on spot prices (offline: on-demand less an assumed discount)." };
        var maxPrice = NumberOption.OptionalDecimal("--max-price", "Highest hourly price in USD.");
        var count = NumberOption.Whole("--count", "How many to show.", 3);
        foreach (var option in new Option[] { cpus, memory, gpus, spot, maxPrice, count })
        {
            command.Options.Add(option);
        }

        factory.Handle(command, (context, _) =>
        {
            var parse = context.Parse;
            FlagCheck.Require(parse.GetValue(cpus) >= 1, "--cpus", "must be at least 1");
            FlagCheck.Require(parse.GetValue(memory) >= 0m, "--memory", "must be zero or more GiB");
            FlagCheck.Require(parse.GetValue(gpus) >= 0, "--gpus", "must be zero or more");
            FlagCheck.Require(parse.GetValue(maxPrice) is null or > 0m, "--max-price", "must be a positive price in USD per hour");
            FlagCheck.Require(parse.GetValue(count) is >= 1 and <= 50, "--count", "must be between 1 and 50");
            var configuration = PricingRegion.Resolve(context, c => c, out var regionAssumed);
            var needs = new Ec2InstanceRequirements
            {
                Region = configuration.Region,
                MinVCpus = parse.GetValue(cpus),
                MinMemoryGiB = parse.GetValue(memory),
                MinGpus = parse.GetValue(gpus),
                SpotAllowed = parse.GetValue(spot),
                MaxHourlyPrice = parse.GetValue(maxPrice),
            };
            var recommendations = Ec2InstanceRecommender.Recommend(needs, parse.GetValue(count));
            var rows = recommendations.Select(r => (Recommendation: r, Spec: Ec2InstanceCatalog.Find(r.InstanceType)!)).ToList();
            if (context.Settings.Json)
            {
                JsonOutput.Write(context.Out, new
                {
                    region = needs.Region,
                    regionAssumed,
                    spot = needs.SpotAllowed,
                    recommendations = rows.Select(r => new
                    {
                        instanceType = r.Recommendation.InstanceType,
                        hourlyRate = r.Recommendation.HourlyRate,
                        isSpot = r.Recommendation.IsSpot,
                        rateIsAssumed = r.Recommendation.RateIsAssumed,
                        vCpus = r.Spec.VCpus,
                        memoryGiB = r.Spec.MemoryGiB,
                        gpus = r.Spec.GpuCount,
                        gpuModel = r.Spec.GpuModel,
                        reason = r.Recommendation.Reason,
                    }),
                });
            }
            else if (rows.Count > 0)
            {
                var table = new TextTable("TYPE", "VCPU", "MEMORY", "GPU", "RATE", "WHY");
                foreach (var (recommendation, spec) in rows)
                {
                    table.Add(
                        recommendation.InstanceType,
                        spec.VCpus.ToString(CultureInfo.InvariantCulture),
                        spec.MemoryGiB.ToString(CultureInfo.InvariantCulture) + " GiB",
                        spec.GpuCount == 0 ? "-" : $"{spec.GpuCount}x {spec.GpuModel}",
                        Money.Hourly(recommendation.HourlyRate) + (recommendation.IsSpot ? " spot" : string.Empty),
                        recommendation.Reason);
                }

                table.WriteTo(context.Out);
                if (regionAssumed)
                {
                    context.Out.WriteLine($"Region {PricingRegion.Default} assumed (none configured; pass --region).");
                }
            }

            if (rows.Count == 0)
            {
                context.Host.Error.WriteLine($"acode: no catalogued instance type in {needs.Region} meets these needs; lower them or raise --max-price.");
                return Task.FromResult(ExitCodes.Failure);
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
