using Acode.Application.Compute.Ec2;
using System.CommandLine;
using Acode.Cli.CommandLine;
using Acode.Cli.Errors;
using Acode.Cli.Output;
using Acode.Ec2Emulator;

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
            "AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws --endpoint-url http://127.0.0.1:4566/ --region us-east-1 ec2 describe-instances");
        var port = NumberOption.Whole("--port", "API port on 127.0.0.1 (0 picks a free one).", 4566);
        var imdsPort = NumberOption.Whole("--imds-port", "Instance metadata service port on 127.0.0.1 (0 picks a free one).", 0);
        var bootDelay = DurationOption.Create("--boot-delay", "Time from pending to running.", new EmulatorSettings().BootDelay);
        var sshDelay = DurationOption.Create("--ssh-delay", "Time from running to sshd accepting connections.", new EmulatorSettings().SshDelay);
        command.Options.Add(port);
        command.Options.Add(imdsPort);
        command.Options.Add(bootDelay);
        command.Options.Add(sshDelay);
        factory.Handle(command, async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            FlagCheck.Require(parse.GetValue(port) is >= 0 and <= 65535, "--port", "must be a port between 0 and 65535");
            FlagCheck.Require(parse.GetValue(imdsPort) is >= 0 and <= 65535, "--imds-port", "must be a port between 0 and 65535");
            FlagCheck.Require(string.IsNullOrWhiteSpace(context.Settings.Region) || Ec2Regions.IsWellFormed(context.Settings.Region.Trim()), "--region", "must be a region code like eu-central-1");
            var options = new EmulatorOptions
            {
                Port = parse.GetValue(port),
                ImdsPort = parse.GetValue(imdsPort),
                Region = string.IsNullOrWhiteSpace(context.Settings.Region) ? new EmulatorOptions().Region : context.Settings.Region.Trim(),
                Settings = new EmulatorSettings { BootDelay = parse.GetValue(bootDelay), SshDelay = parse.GetValue(sshDelay) },
                TimeProvider = context.Host.Time,
            };
            try
            {
                await Ec2Emulator.Ec2Emulator.RunAsync(options, emulator => Announce(context, emulator, options), cancellationToken);
            }
            catch (IOException e)
            {
                throw new UsageException("--port", $"cannot listen on 127.0.0.1:{options.Port} or {options.ImdsPort}: {e.Message} (pick another, or 0 for a free one)");
            }

            await context.Host.Error.WriteLineAsync("acode: emulator stopped; its instances are gone.");
            // Stopped by Ctrl-C or SIGTERM, like every command: 130 or 143.
            cancellationToken.ThrowIfCancellationRequested();
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Announce(CommandContext context, Ec2Emulator.Ec2Emulator emulator, EmulatorOptions options)
    {
        var output = context.Out;
        if (context.Settings.Json)
        {
            JsonOutput.Write(output, new
            {
                endpoint = emulator.ServiceUrl,
                imds = emulator.ImdsUrl,
                region = emulator.Region,
                accessKeyId = options.AccessKeyId,
                secretAccessKey = options.SecretAccessKey,
            });
        }
        else
        {
            output.WriteLine("EC2 emulator running (nothing here reaches AWS or costs money).");
            output.WriteLine($"  endpoint     {emulator.ServiceUrl}");
            output.WriteLine($"  metadata     {emulator.ImdsUrl}");
            output.WriteLine($"  region       {emulator.Region} (the default; a request signed for another region gets that region's own instances, keys and groups)");
            output.WriteLine($"  credentials  AWS_ACCESS_KEY_ID={options.AccessKeyId} AWS_SECRET_ACCESS_KEY={options.SecretAccessKey} (test credentials of the emulator)");
            output.WriteLine($"Try:  AWS_ACCESS_KEY_ID={options.AccessKeyId} AWS_SECRET_ACCESS_KEY={options.SecretAccessKey} aws --endpoint-url {emulator.ServiceUrl} --region {emulator.Region} ec2 describe-instances");
            output.WriteLine($"      acode target ec2 list --mode burst --endpoint-url {emulator.ServiceUrl} --region {emulator.Region}");
            output.WriteLine("Press Ctrl-C to stop; every instance stops with it.");
        }

        output.Flush();
    }
}
