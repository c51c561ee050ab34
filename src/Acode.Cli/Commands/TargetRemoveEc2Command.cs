using System.CommandLine;
using Acode.Cli.CommandLine;
using Acode.Cli.Output;
using Acode.Infrastructure.Configuration;

namespace Acode.Cli.Commands;

/// <summary><c>acode target remove ec2</c>: deletes the <c>ec2Target:</c> block (even an invalid one); every other line stays.</summary>
internal static class TargetRemoveEc2Command
{
    public static Command Create(CommandFactory factory)
    {
        var command = CommandFactory.Create(
            "ec2",
            "Remove the EC2 target (the ec2Target: block) from .acode/config.yml; other sections and comments stay. Removing what is not there is not an error.",
            "acode target remove ec2");
        factory.Handle(command, (context, _) =>
        {
            var removed = Ec2ConfigurationYamlWriter.RemoveFromFile(context.ConfigPath);
            if (context.Settings.Json)
            {
                JsonOutput.Write(context.Out, new { path = context.ConfigPath, removed });
            }
            else
            {
                context.Out.WriteLine(removed
                    ? $"Removed the ec2 target from {context.ConfigPath}."
                    : $"No ec2 target in {context.ConfigPath}; nothing to remove.");
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
