using System.CommandLine;
using Acode.Application.Compute;
using Acode.Cli.CommandLine;
using Acode.Cli.Output;
using Microsoft.Extensions.DependencyInjection;

namespace Acode.Cli.Commands;

/// <summary><c>acode target list</c>: the targets configured in the project file, with environment overrides applied, and the mode in force.</summary>
internal static class TargetListCommand
{
    public static Command Create(CommandFactory factory)
    {
        var command = CommandFactory.Create(
            "list",
            "List the compute targets configured in .acode/config.yml and the operating mode in force.",
            "acode target list",
            "acode target list --output json");
        factory.Handle(command, (context, _) =>
        {
            var ec2 = context.Project.File.Ec2Target;
            var mode = OperatingModeNames.ToConfigValue(context.Services.GetRequiredService<IModeValidator>().CurrentMode);
            if (context.Settings.Json)
            {
                var targets = ec2 is null ? [] : new[]
                {
                    new
                    {
                        type = ec2.TargetType,
                        region = ec2.Region,
                        instanceType = ec2.InstanceType,
                        ami = ec2.AmiId,
                        subnetId = ec2.SubnetId,
                        securityGroupIds = ec2.SecurityGroupIds,
                        keyPairName = ec2.KeyPairName,
                        spotEnabled = ec2.SpotEnabled,
                        spotMaxPrice = ec2.SpotMaxPrice,
                        ebsSizeGb = ec2.EbsSizeGb,
                        tags = ec2.Tags,
                        endpointUrl = ec2.EndpointUrl?.OriginalString,
                        profile = ec2.Profile,
                    },
                };
                JsonOutput.Write(context.Out, new { configPath = context.ConfigPath, mode, targets });
                return Task.FromResult(ExitCodes.Success);
            }

            if (ec2 is null)
            {
                context.Out.WriteLine($"No targets configured in {context.ConfigPath}.");
                context.Out.WriteLine("Add one: acode target add ec2 --region us-west-2 --instance-type t3.medium");
            }
            else
            {
                new TextTable("TARGET", "REGION", "INSTANCE TYPE", "AMI", "PRICING", "EBS", "ENDPOINT")
                    .Add(
                        ec2.TargetType,
                        ec2.Region,
                        ec2.InstanceType,
                        ec2.AmiId ?? "al2023 (latest Amazon Linux 2023)",
                        ec2.SpotEnabled ? "spot" + (ec2.SpotMaxPrice is { } max ? " <= " + Money.Hourly(max) : string.Empty) : "on-demand",
                        $"{ec2.EbsSizeGb} GiB {ec2.EbsVolumeType}",
                        ec2.EndpointUrl?.OriginalString ?? "AWS")
                    .WriteTo(context.Out);
                context.Out.WriteLine($"Config: {context.ConfigPath}");
            }

            context.Out.WriteLine($"Mode: {mode}" + (mode == "burst" ? string.Empty : " (EC2 needs burst: --mode burst, ACODE_MODE=burst or mode: burst)"));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
