using System.CommandLine;
using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ssh;
using Acode.Cli.CommandLine;
using Acode.Cli.Errors;
using Acode.Ec2Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace Acode.Cli.Commands;

/// <summary>
/// <c>acode exec</c>: prepare a target, upload the workspace, run the command with output streamed, download, tear
/// down (<see cref="ExecPipeline"/>); the exit code is the remote command's. The target comes from the
/// <see cref="IComputeTargetFactory"/> of type <c>ec2</c> in DI, after the mode check; <c>--emulator</c> points it at
/// an in-process emulator instead, which any mode allows. <c>--target ssh</c> uses the config file's <c>sshTarget:</c>
/// block and the <c>ssh</c> factory, in any mode (the user's own machine).
/// </summary>
internal static class ExecCommand
{
    public static Command Create(CommandFactory factory)
    {
        var command = CommandFactory.Create(
            "exec",
            "Run a command on a compute target: prepare it (EC2: provision an instance), upload the workspace, run with output streamed live, download results, tear down (EC2: terminate). The exit code is the remote command's. --emulator runs everything against an in-process EC2 emulator: nothing leaves the machine and nothing is spent, so it is allowed in every mode; any other EC2 endpoint needs burst mode.",
            "acode exec --emulator -- uname -a",
            "acode exec --mode burst --upload . --download out/report.xml:./report.xml -- make test",
            "acode exec --list-upload --exclude '*.csv'");
        var target = new Option<string>("--target") { Description = "The target type.", DefaultValueFactory = _ => Ec2Configuration.Ec2TargetType, HelpName = "ec2|ssh" };
        target.AcceptOnlyFromAmong(Ec2Configuration.Ec2TargetType, SshTargetConstants.TargetType);
        var upload = new Option<string>("--upload") { Description = "The local folder uploaded as the remote workspace.", DefaultValueFactory = _ => "." };
        var download = new Option<string[]>("--download") { Description = "REMOTE:LOCAL to download after the command; repeat for several." };
        var keep = new Option<bool>("--keep") { Description = "Keep the remote workspace instead of removing it (an SSH target). An EC2 instance is terminated whatever: the EC2 target never leaves one running." };
        var emulator = new Option<bool>("--emulator") { Description = "Run against an in-process EC2 emulator (no AWS account, no spend, any mode)." };
        var commandLine = new Argument<string[]>("command") { Description = "The command to run, after -- (not needed with --list-upload).", Arity = ArgumentArity.ZeroOrMore };
        var workspace = new ExecWorkspace();
        foreach (var option in new Option[] { target, upload, download, keep, emulator })
        {
            command.Options.Add(option);
        }

        workspace.AddTo(command);

        command.Arguments.Add(commandLine);
        factory.Handle(command, async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            ExecCommandWords.RequireAfterDoubleDash(parse, commandLine);
            var targetType = parse.GetValue(target)!;
            var request = new ExecRequest
            {
                UploadFolder = Path.GetFullPath(parse.GetValue(upload)!, context.Host.WorkingDirectory),
                Downloads = [.. (parse.GetValue(download) ?? []).Select(DownloadSpec.Parse)
                    .Select(d => d with { Local = Path.GetFullPath(d.Local, context.Host.WorkingDirectory) })],
                Keep = parse.GetValue(keep),
                CommandLine = string.Join(' ', parse.GetValue(commandLine) ?? []),
            };
            FlagCheck.Require(request.CommandLine.Length > 0 || parse.GetValue(workspace.ListUpload), "command", "give the command to run after --, e.g. acode exec -- make test");
            FlagCheck.Require(Directory.Exists(request.UploadFolder), "--upload", $"no such folder: {request.UploadFolder}");
            var fileSet = await workspace.ScanAsync(context, request.UploadFolder, cancellationToken);
            if (parse.GetValue(workspace.ListUpload))
            {
                return await ExecWorkspace.ListAsync(context, fileSet);
            }

            request = request with { FileSet = fileSet };
            var useEmulator = parse.GetValue(emulator);
            FlagCheck.Require(!useEmulator || targetType == Ec2Configuration.Ec2TargetType, "--emulator", "emulates EC2 only; drop --target ssh");
            if (targetType == SshTargetConstants.TargetType)
            {
                // The user's own machine: nothing is provisioned or spent, so every mode allows it.
                var ssh = context.Project.File.SshTarget
                    ?? throw new UsageException("--target", $"ssh needs an sshTarget: section (host, user, privateKeyPath, hostKeyFingerprint) in {context.ConfigPath}");
                ssh = ssh with { PrivateKeyPath = LocalPath(context, ssh.PrivateKeyPath), KnownHostsPath = LocalPath(context, ssh.KnownHostsPath) };
                return await ExecPipeline.RunAsync(context, await Factory(context, SshTargetConstants.TargetType).CreateAsync(ssh, cancellationToken), request, cancellationToken);
            }

            // The mode check comes before anything that could construct an AWS client; only the in-process emulator is exempt.
            if (!useEmulator)
            {
                context.EnsureCloudAllowed();
            }

            // The emulator plays us-east-1 unless told otherwise, so no region need be configured for it.
            var configuration = context.BuildEc2Configuration(c => useEmulator && string.IsNullOrWhiteSpace(c.Region) ? c with { Region = "us-east-1" } : c);
            if (!useEmulator)
            {
                return await ExecPipeline.RunAsync(context, await Factory(context, Ec2Configuration.Ec2TargetType).CreateAsync(configuration, cancellationToken), request, cancellationToken);
            }

            var options = EmulatorRun.Options(configuration.Region, context.Host.Time);
            await using var emulated = await Ec2Emulator.Ec2Emulator.StartAsync(options, cancellationToken);
            await context.Host.Error.WriteLineAsync($"acode: in-process EC2 emulator at {emulated.ServiceUrl}: nothing leaves this machine, nothing is spent");
            context.UseInProcessEmulator(EmulatorRun.Configure(configuration, emulated, options), EmulatorRun.Credentials(options));
            return await ExecPipeline.RunAsync(context, await Factory(context, Ec2Configuration.Ec2TargetType).CreateAsync(context.CurrentEc2Configuration, cancellationToken), request, cancellationToken);
        });
        return command;
    }

    // Local paths of the sshTarget: block may start with ~/ (the user's home) or be relative to the working folder.
    private static string? LocalPath(CommandContext context, string? path)
    {
        if (path is null)
        {
            return null;
        }

        if (path.StartsWith("~/", StringComparison.Ordinal))
        {
            var home = context.Host.GetEnvironment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return Path.Combine(home, path[2..]);
        }

        return Path.GetFullPath(path, context.Host.WorkingDirectory);
    }

    // The last registration wins, so a host's own factory (tests) replaces acode's.
    private static IComputeTargetFactory Factory(CommandContext context, string targetType) =>
        context.Services.GetServices<IComputeTargetFactory>().LastOrDefault(f => f.TargetType == targetType)
        ?? throw new FeatureNotAvailableException("acode exec", $"the {targetType} target's IComputeTargetFactory");
}
