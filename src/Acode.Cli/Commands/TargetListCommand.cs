using System.CommandLine;
using System.Globalization;
using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ssh;
using Acode.Cli.CommandLine;
using Acode.Cli.Output;
using Microsoft.Extensions.DependencyInjection;

namespace Acode.Cli.Commands;

/// <summary><c>acode target list</c>: the targets configured (EC2 and SSH) in the project file, with environment overrides applied, and the mode in force.</summary>
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
            var ssh = context.Project.File.SshTargetSection;
            var mode = OperatingModeNames.ToConfigValue(context.Services.GetRequiredService<IModeValidator>().CurrentMode);
            if (context.Settings.Json)
            {
                var targets = new List<Dictionary<string, object?>>();
                if (ec2 is not null)
                {
                    targets.Add(Listed(ec2.TargetType, Ec2ConfigurationKeys.Table.ToPlain(ec2, onlyChanged: false)));
                }

                if (ssh is not null)
                {
                    targets.Add(Listed(SshTargetConstants.TargetType, SshTargetKeys.Table.ToPlain(ssh, onlyChanged: false)));
                }

                JsonOutput.Write(context.Out, new { configPath = context.ConfigPath, mode, targets });
                return Task.FromResult(ExitCodes.Success);
            }

            if (ec2 is null && ssh is null)
            {
                context.Out.WriteLine($"No targets configured in {context.ConfigPath}.");
                context.Out.WriteLine("Add one: acode target add ec2 --region us-west-2 --instance-type t3.medium");
            }

            if (ec2 is not null)
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
            }

            if (ssh is not null)
            {
                new TextTable("TARGET", "HOST", "PORT", "USER", "KEY", "HOST KEY", "WORKSPACES")
                    .Add(
                        SshTargetConstants.TargetType,
                        ssh.Host,
                        ssh.Port.ToString(CultureInfo.InvariantCulture),
                        ssh.User,
                        ssh.PrivateKeyPath ?? string.Empty,
                        ssh.HostKeyFingerprint ?? (ssh.TrustOnFirstUse ? "trust on first use" : ssh.KnownHostsFile ?? "~/.ssh/known_hosts"),
                        ssh.RemoteRoot)
                    .WriteTo(context.Out);
            }

            if (ec2 is not null || ssh is not null)
            {
                context.Out.WriteLine($"Config: {context.ConfigPath}");
            }

            context.Out.WriteLine($"Mode: {mode}" + (mode == "burst" ? string.Empty : " (EC2 needs burst: --mode burst, ACODE_MODE=burst or mode: burst)"));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Dictionary<string, object?> Listed(string type, Dictionary<string, object?> keys) =>
        new[] { KeyValuePair.Create("type", (object?)type) }.Concat(keys).ToDictionary(StringComparer.Ordinal);
}
