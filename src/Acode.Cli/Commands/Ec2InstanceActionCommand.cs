using System.CommandLine;
using System.Text.RegularExpressions;
using Acode.Application.Compute.Ec2;
using Acode.Cli.CommandLine;
using Acode.Cli.Output;
using Acode.Infrastructure.Compute.Ec2.Orphans;

namespace Acode.Cli.Commands;

/// <summary>
/// <c>acode target ec2 stop|start|terminate ID</c>: one idempotent state change through <see cref="IEc2InstanceManager"/>,
/// of an instance that exists and carries <c>acode=true</c> (any other only with <c>--force</c>).
/// </summary>
internal static partial class Ec2InstanceActionCommand
{
    public static Command Create(CommandFactory factory, string verb, string description, Func<IEc2InstanceManager, string, CancellationToken, Task> action)
    {
        var command = CommandFactory.Create(
            verb,
            description + " Only an instance tagged acode=true (one acode launched) unless --force. Needs burst mode.",
            $"acode target ec2 {verb} i-0123456789abcdef0 --mode burst",
            $"acode target ec2 {verb} i-0123456789abcdef0 --force --mode burst");
        var force = new Option<bool>("--force") { Description = $"Also {verb} an instance that is not tagged acode=true (one acode did not launch)." };
        command.Options.Add(force);
        var id = new Argument<string>("instance-id") { Description = "The instance id, i-..." };
        id.Validators.Add(result =>
        {
            var value = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (!InstanceId().IsMatch(value))
            {
                result.AddError($"instance-id: must be an instance id like i-0123456789abcdef0, got \"{value}\"");
            }
        });
        command.Arguments.Add(id);
        factory.Handle(command, async (context, cancellationToken) =>
        {
            context.EnsureCloudAllowed();
            var configuration = context.BuildEc2Configuration();
            var manager = context.Require<IEc2InstanceManager>($"acode target ec2 {verb}");
            var instanceId = context.Parse.GetRequiredValue(id);
            var instance = await manager.GetInstanceAsync(instanceId, cancellationToken);
            if (instance is null)
            {
                await context.Host.Error.WriteLineAsync($"acode: no instance {instanceId} in {configuration.Region}: check the id, and --region if it runs in another region.");
                return ExitCodes.Failure;
            }

            if (!Ec2OrphanRules.IsAcode(instance.Tags) && !context.Parse.GetValue(force))
            {
                await context.Host.Error.WriteLineAsync(
                    $"acode: refusing to {verb} {instanceId}: it is not tagged acode=true, so acode did not launch it and leaves it alone. Pass --force to {verb} it anyway.");
                return ExitCodes.Failure;
            }

            await action(manager, instanceId, cancellationToken);
            var state = await manager.GetStateAsync(instanceId, cancellationToken);
            var stateName = Ec2StateNames.Format(state);
            if (context.Settings.Json)
            {
                JsonOutput.Write(context.Out, new { instanceId, action = verb, state = stateName });
            }
            else
            {
                context.Out.WriteLine($"{instanceId}: {verb} requested; state now {stateName}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    [GeneratedRegex("^i-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex InstanceId();
}
