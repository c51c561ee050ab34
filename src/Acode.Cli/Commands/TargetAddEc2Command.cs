using System.CommandLine;
using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Catalog;
using Acode.Cli.CommandLine;
using Acode.Cli.Configuration;
using Acode.Cli.Errors;
using Acode.Domain.Compute;
using Acode.Infrastructure.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Acode.Cli.Commands;

/// <summary>
/// <c>acode target add ec2</c>: overlays the flags on the file's <c>ec2Target:</c> block (or a new one), validates
/// everything, and only then rewrites the block atomically; on any problem the file is left as it was.
/// </summary>
internal static class TargetAddEc2Command
{
    public static Command Create(CommandFactory factory)
    {
        var command = CommandFactory.Create(
            "ec2",
            "Add or update the EC2 target in the project's .acode/config.yml (the ec2Target: block). Flags not given keep their current value; --region, --profile and --endpoint-url are the global options.",
            "acode target add ec2 --region us-west-2 --instance-type t3.medium --ami ami-0c55b159cbfafe1f0",
            "acode target add ec2 --region us-east-1 --spot --spot-max-price 0.02 --tag project=demo --tag team=build");
        var instanceType = new Option<string?>("--instance-type") { Description = "Instance type, e.g. t3.medium (default t3.medium)." };
        var ami = new Option<string?>("--ami") { Description = "AMI id or alias: al2023 (default), ubuntu-24.04, debian-12, al2 (end of life)." };
        var subnet = new Option<string?>("--subnet") { Description = "Subnet id, subnet-... (default: the default subnet)." };
        var securityGroups = new Option<string[]>("--security-group") { Description = "Security group id, sg-...; repeat for several." };
        var keyPair = new Option<string?>("--key-pair") { Description = "Existing key pair name (default: acode generates one per run)." };
        var instanceProfile = new Option<string?>("--instance-profile") { Description = "IAM instance profile name or ARN." };
        var spot = new Option<bool>("--spot") { Description = "Launch as spot (on-demand is the default)." };
        var spotMaxPrice = NumberOption.OptionalDecimal("--spot-max-price", "Highest spot price in USD per hour.");
        var ebsSize = NumberOption.OptionalWhole("--ebs-size", "Root volume size in GiB, 8..16384 (default 20).");
        var tags = new Option<string[]>("--tag") { Description = "A tag key=value for the instance and its volume; repeat for several." };
        var userDataFile = new Option<string?>("--user-data-file") { Description = "A file whose contents are passed as user data (at most 16 KB)." };
        Option[] options = [instanceType, ami, subnet, securityGroups, keyPair, instanceProfile, spot, spotMaxPrice, ebsSize, tags, userDataFile];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        factory.Handle(command, (context, _) =>
        {
            var parse = context.Parse;
            context.CreatesConfigFile = true;
            var userData = parse.GetValue(userDataFile) is { } file ? ReadUserData(context, file) : null;
            var newTags = TagParser.Parse(parse.GetValue(tags) ?? []);

            // The region in the full order (--region, ACODE_EC2_REGION, the file, AWS_REGION, AWS_DEFAULT_REGION, the
            // profile's), written as used; every other key as the file has it, so the environment is never baked in.
            var region = (context.Project.File.Ec2Target
                ?? AcodeConfigLoader.ApplyEnvironment(new Ec2Configuration { Region = string.Empty }, context.Host.Environment, context.Flags)).Region;
            var existing = ProjectConfiguration.Load(context.ConfigPath, new Dictionary<string, string?> { [AcodeConfigLoader.RegionVariable] = region }).File.Ec2Target;
            var c = context.ApplyGlobalFlags(existing ?? new Ec2Configuration { Region = region });
            c = c with
            {
                InstanceType = parse.GetValue(instanceType) ?? c.InstanceType,
                AmiId = parse.GetValue(ami) ?? c.AmiId,
                SubnetId = parse.GetValue(subnet) ?? c.SubnetId,
                SecurityGroupIds = parse.GetValue(securityGroups) is { Length: > 0 } groups ? groups : c.SecurityGroupIds,
                KeyPairName = parse.GetValue(keyPair) ?? c.KeyPairName,
                InstanceProfileArn = parse.GetValue(instanceProfile) ?? c.InstanceProfileArn,
                SpotEnabled = parse.GetValue(spot) || c.SpotEnabled,
                SpotMaxPrice = parse.GetValue(spotMaxPrice) ?? c.SpotMaxPrice,
                EbsSizeGb = parse.GetValue(ebsSize) ?? c.EbsSizeGb,
                Tags = newTags.Count > 0 ? c.Tags.Concat(newTags).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value) : c.Tags,
                UserData = userData ?? c.UserData,
            };

            var problems = Ec2ConfigurationValidator.Validate(c).ToList();
            var typeCheck = Ec2InstanceTypeValidator.Check(c.InstanceType, c.Region);
            if (problems.All(p => !p.StartsWith("ec2Target.instanceType", StringComparison.Ordinal)))
            {
                problems.AddRange(typeCheck.Errors.Select(e => $"{Ec2Defaults.SectionName}.instanceType: {e}"));
            }

            if (problems.Count > 0)
            {
                throw new Ec2ConfigurationException(problems);
            }

            var burst = context.Services.GetRequiredService<IModeValidator>().CurrentMode == OperatingMode.Burst;
            Ec2ConfigurationYamlWriter.UpdateFile(context.ConfigPath, c);
            var yaml = Ec2ConfigurationYamlWriter.ToYaml(c);
            if (context.Settings.Json)
            {
                Output.JsonOutput.Write(context.Out, new { path = context.ConfigPath, created = existing is null, ec2Target = yaml, warnings = typeCheck.Warnings });
                return Task.FromResult(ExitCodes.Success);
            }

            context.Out.WriteLine($"{(existing is null ? "Added" : "Updated")} the ec2 target in {context.ConfigPath}:");
            context.Out.Write(yaml);
            foreach (var warning in typeCheck.Warnings)
            {
                context.Host.Error.WriteLine("warning: " + warning);
            }

            if (!burst)
            {
                context.Out.WriteLine("Note: EC2 runs only in burst mode: add 'mode: burst' to the config file, set ACODE_MODE=burst, or pass --mode burst.");
            }

            context.Out.WriteLine("Next: acode target test ec2 --dry-run");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static string ReadUserData(CommandContext context, string file)
    {
        var path = Path.GetFullPath(file, context.Host.WorkingDirectory);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException("--user-data-file", $"cannot read {path}: {e.Message}");
        }
    }
}
