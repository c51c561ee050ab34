using System.CommandLine;
using Acode.Application.Compute.Ec2.Diagnostics;
using Acode.Cli.CommandLine;
using Acode.Cli.Output;

namespace Acode.Cli.Commands;

/// <summary><c>acode target test ec2 [--dry-run]</c>: the checklist of <see cref="IEc2TargetDiagnostics"/>; non-zero when a check fails.</summary>
internal static class TargetTestEc2Command
{
    public static Command Create(CommandFactory factory)
    {
        var command = CommandFactory.Create(
            "ec2",
            "Check the EC2 target. With --dry-run nothing is launched: credentials, region, AMI, instance type, subnet and security groups, DryRun permission checks and the cost estimate. Without it: the whole lifecycle (provision, SSH, a command, a file up and down, terminate) with timings and cost. Needs burst mode.",
            "acode target test ec2 --dry-run --mode burst",
            "acode target test ec2 --mode burst --output json");
        var dryRun = new Option<bool>("--dry-run") { Description = "Launch nothing and spend nothing." };
        command.Options.Add(dryRun);
        factory.Handle(command, async (context, cancellationToken) =>
        {
            context.EnsureCloudAllowed();
            var configuration = context.BuildEc2Configuration();
            var diagnostics = context.Require<IEc2TargetDiagnostics>("acode target test ec2");
            var checks = await diagnostics.RunAsync(configuration, context.Parse.GetValue(dryRun), cancellationToken);
            var passed = checks.All(c => c.Passed);
            if (context.Settings.Json)
            {
                JsonOutput.Write(context.Out, new { passed, checks });
            }
            else
            {
                foreach (var check in checks)
                {
                    context.Out.WriteLine($"{(check.Passed ? "[ok]  " : "[FAIL]")} {check.Name}: {check.Detail} ({Durations.Format(check.Duration)})");
                    if (!check.Passed && check.Fix is not null)
                    {
                        context.Out.WriteLine("       fix: " + check.Fix);
                    }
                }

                context.Out.WriteLine(passed ? "All checks passed." : $"{checks.Count(c => !c.Passed)} check(s) failed.");
            }

            return passed ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
