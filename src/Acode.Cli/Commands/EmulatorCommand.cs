using System.CommandLine;
using Acode.Cli.CommandLine;
using Acode.Cli.Errors;

namespace Acode.Cli.Commands;

/// <summary><c>acode emulator</c>: the local EC2 emulator in the foreground until Ctrl-C, printing its endpoint and test credentials.</summary>
internal static class EmulatorCommand
{
    public static Command Create(CommandFactory factory)
    {
        var command = CommandFactory.Create(
            "emulator",
            "Run the local EC2 emulator in the foreground until Ctrl-C: EC2, SSM and STS on 127.0.0.1, instances backed by real sshd processes. Prints the endpoint and the test credentials (access key test, secret test). Spends nothing; allowed in every mode.",
            "acode emulator --port 4566",
            "aws --endpoint-url http://127.0.0.1:4566 ec2 describe-instances");
        var port = new Option<int>("--port") { Description = "API port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 4566 };
        var imdsPort = new Option<int>("--imds-port") { Description = "Instance metadata service port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var bootDelay = DurationOption.Create("--boot-delay", "pending to running.", TimeSpan.FromSeconds(1));
        var sshDelay = DurationOption.Create("--ssh-delay", "running to sshd accepting connections.", TimeSpan.FromSeconds(1));
        command.Options.Add(port);
        command.Options.Add(imdsPort);
        command.Options.Add(bootDelay);
        command.Options.Add(sshDelay);
        factory.Handle(command, (_, _) => throw new FeatureNotAvailableException("acode emulator", "the EC2 emulator (Acode.Ec2Emulator.Ec2Emulator)"));
        return command;
    }
}
