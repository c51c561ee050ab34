using System.CommandLine;
using Acode.Cli.CommandLine;

namespace Acode.Cli.Commands;

/// <summary>The <c>acode target</c> tree: add, list, remove, test, and the <c>ec2</c> instance commands.</summary>
internal static class TargetCommands
{
    public static Command Create(CommandFactory factory)
    {
        var target = CommandFactory.Create(
            "target",
            "Configure, test and manage compute targets.",
            "acode target add ec2 --region us-west-2 --instance-type t3.medium",
            "acode target list");

        var add = CommandFactory.Create("add", "Add or update a target in .acode/config.yml.", "acode target add ec2 --region us-west-2 --instance-type t3.medium");
        add.Subcommands.Add(TargetAddEc2Command.Create(factory));
        var remove = CommandFactory.Create("remove", "Remove a target from .acode/config.yml.", "acode target remove ec2");
        remove.Subcommands.Add(TargetRemoveEc2Command.Create(factory));
        var test = CommandFactory.Create("test", "Check that a target works.", "acode target test ec2 --dry-run --mode burst");
        test.Subcommands.Add(TargetTestEc2Command.Create(factory));

        var ec2 = CommandFactory.Create(
            "ec2",
            "Manage acode's EC2 instances and estimate costs. list, cleanup, stop, start and terminate reach AWS and need burst mode; cost and recommend are offline.",
            "acode target ec2 list --mode burst",
            "acode target ec2 cost --instance-type t3.medium --hours 2");
        ec2.Subcommands.Add(Ec2ListCommand.Create(factory));
        ec2.Subcommands.Add(Ec2CleanupCommand.Create(factory));
        ec2.Subcommands.Add(Ec2InstanceActionCommand.Create(factory, "stop", "Stop an instance, keeping it (its EBS volume and any Elastic IP keep billing).", (m, id, ct) => m.StopAsync(id, ct)));
        ec2.Subcommands.Add(Ec2InstanceActionCommand.Create(factory, "start", "Start a stopped instance (it gets a new public address).", (m, id, ct) => m.StartAsync(id, ct)));
        ec2.Subcommands.Add(Ec2InstanceActionCommand.Create(factory, "terminate", "Terminate an instance; already terminated is not an error.", (m, id, ct) => m.TerminateAsync(id, ct)));
        ec2.Subcommands.Add(Ec2CostCommand.Create(factory));
        ec2.Subcommands.Add(Ec2RecommendCommand.Create(factory));

        target.Subcommands.Add(add);
        target.Subcommands.Add(TargetListCommand.Create(factory));
        target.Subcommands.Add(remove);
        target.Subcommands.Add(test);
        target.Subcommands.Add(ec2);
        return target;
    }
}
