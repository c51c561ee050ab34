using System.Text;
using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Spot;
using Acode.Application.Compute.Ssh;
using Acode.Domain.Compute.Ec2.Events;
using Acode.Infrastructure.Compute.Ec2.Keys;
using Acode.Infrastructure.Compute.Ec2.Spot;
using Acode.Infrastructure.Compute.Ssh;
using Amazon.EC2;
using Amazon.EC2.Model;
using Xunit.Abstractions;

namespace Acode.IntegrationTests.Ec2.Spot;

/// <summary>
/// FR-051, NFR-006, IT-003: an interrupted spot instance is noticed through its metadata read over a real SSH session
/// (and through DescribeInstances), the running command fails with the typed exception, and an on-demand replacement
/// launches while the interrupted instance is gone.
/// </summary>
[Collection(AwsEnvironmentCollection.Name)]
public sealed class SpotInterruptionEmulatorTests
{
    private static readonly SpotInterruptionWatcherOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(200), ProbeTimeout = TimeSpan.FromSeconds(10) };
    private static readonly TimeSpan Notice = TimeSpan.FromSeconds(4);
    private readonly InMemoryEventPublisher _events = new();
    private readonly ITestOutputHelper _output;

    public SpotInterruptionEmulatorTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task The_notice_read_over_ssh_fails_the_command_and_an_on_demand_replacement_launches()
    {
        await using var h = await SpotEmulator.StartAsync(machines: true);
        var key = SshKeyPairGenerator.GenerateEd25519("acode-spot-test");
        await h.Ec2.ImportKeyPairAsync(new ImportKeyPairRequest { KeyName = "spot-test", PublicKeyMaterial = Convert.ToBase64String(Encoding.UTF8.GetBytes(key.PublicKeyLine)) });
        var configuration = new Ec2Configuration { Region = SpotEmulator.Region, InstanceType = "t3.micro", SpotEnabled = true, SpotMaxPrice = 0.01m };
        var executor = new SpotLaunchExecutor(TimeProvider.System, _events);
        // The default group admits only itself (as on AWS): open SSH to this machine.
        var group = await h.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "spot-ssh", Description = "ssh" });
        await h.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.GroupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = "127.0.0.1/32" }] }],
        });
        var launch = h.Launch("interrupt", r => (r.KeyName, r.SecurityGroupIds) = ("spot-test", [group.GroupId]));

        var spot = await executor.ExecuteAsync(configuration, SpotLaunchPlanner.Plan(configuration), launch);
        var running = await h.WaitAsync(spot.Result.InstanceId, i => i.State.Name == InstanceStateName.Running && i.PublicIpAddress is not null);
        var sshConfiguration = new SshTargetConfiguration
        {
            Host = running.PublicIpAddress, Username = "ec2-user", PrivateKey = key.PrivateKeyOpenSsh, HostKeyPolicy = SshHostKeyPolicy.Off,
        };
        await WaitForSshAsync(sshConfiguration);
        await using var ssh = new SshComputeTarget(sshConfiguration);
        await ssh.PrepareAsync(new WorkspaceContext());

        await using var watcher = new SpotInterruptionWatcher(
            running.InstanceId,
            configuration.SpotFallbackToOnDemand,
            (command, ct) => RunAsync(ssh, command, ct),
            SpotInterruptionWatcher.DescribeWith(h.Ec2, running.InstanceId),
            TimeProvider.System,
            _events,
            Fast);
        Assert.Null(await watcher.CheckNowAsync());
        watcher.Start();
        var command = watcher.GuardAsync(ct => RunAsync(ssh, "sleep 60", ct));

        // The first reads warm up the in-process emulator's metadata path (seconds on a busy machine); time a settled one.
        for (var i = 0; i < 3; i++)
        {
            var read = TimeProvider.System.GetTimestamp();
            Assert.Equal(0, (await RunAsync(ssh, SpotInstanceAction.Command, CancellationToken.None)).ExitCode);
            _output.WriteLine($"metadata read over SSH while a command runs: {TimeProvider.System.GetElapsedTime(read).TotalMilliseconds:0} ms");
        }

        var interruptedAt = TimeProvider.System.GetTimestamp();
        h.Emulator.InterruptSpotInstance(running.InstanceId, Notice);

        var error = await Assert.ThrowsAsync<SpotInterruptedException>(() => command.WaitAsync(TimeSpan.FromSeconds(20)));
        var detection = TimeProvider.System.GetElapsedTime(interruptedAt);
        _output.WriteLine($"notice to failed command: {detection.TotalMilliseconds:0} ms (poll interval {Fast.PollInterval.TotalMilliseconds:0} ms)");
        Assert.True(detection < Notice, $"the command failed {detection} after the notice, not within it");
        Assert.Equal((running.InstanceId, "terminate", true), (error.InstanceId, error.Action, error.ReplacementAvailable));
        Assert.Equal("imds", watcher.Notice!.Source);
        var interruption = Assert.Single(_events.PublishedOf<Ec2SpotInterruptionEvent>());
        Assert.Equal(new Ec2SpotInterruptionEvent(running.InstanceId, "terminate", error.InterruptionTime, true), interruption);

        var replacement = await executor.ExecuteAsync(configuration, SpotLaunchPlanner.PlanReplacement(configuration), h.Launch("replacement", r => r.KeyName = "spot-test"));
        Assert.False(replacement.Attempt.IsSpot);
        Assert.Null((await h.WaitAsync(replacement.Result.InstanceId, i => i.State.Name == InstanceStateName.Running)).InstanceLifecycle);
        var gone = await h.WaitAsync(running.InstanceId, i => i.State.Name == InstanceStateName.Terminated);
        Assert.Equal("Server.SpotInstanceTermination", gone.StateReason.Code);
        Assert.Single(_events.PublishedOf<Ec2SpotInterruptionEvent>());
    }

    [Fact]
    public async Task Describe_instances_alone_notices_the_spot_termination()
    {
        await using var h = await SpotEmulator.StartAsync();
        var configuration = new Ec2Configuration { Region = SpotEmulator.Region, InstanceType = "m5.large", SpotEnabled = true, SpotFallbackToOnDemand = false };
        var spot = await new SpotLaunchExecutor(TimeProvider.System).ExecuteAsync(configuration, SpotLaunchPlanner.Plan(configuration), h.Launch("describe"));
        await h.WaitAsync(spot.Result.InstanceId, i => i.State.Name == InstanceStateName.Running);
        await using var watcher = new SpotInterruptionWatcher(
            spot.Result.InstanceId, false, null, SpotInterruptionWatcher.DescribeWith(h.Ec2, spot.Result.InstanceId), TimeProvider.System, _events, Fast);
        watcher.Start();

        h.Emulator.InterruptSpotInstance(spot.Result.InstanceId, TimeSpan.FromMilliseconds(300));

        var notice = await watcher.Interrupted.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(("Server.SpotInstanceTermination", "describe-instances"), (notice.Action, notice.Source));
        Assert.False(Assert.Single(_events.PublishedOf<Ec2SpotInterruptionEvent>()).WillFallbackToOnDemand);
        var error = watcher.ToException();
        Assert.Contains("spotFallbackToOnDemand: true", error.Message, StringComparison.Ordinal);
    }

    private static async Task WaitForSshAsync(SshTargetConfiguration configuration)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            try
            {
                await SshComputeTarget.ProbeAsync(configuration);
                return;
            }
            catch (SshConnectionException) when (TimeProvider.System.GetElapsedTime(start) < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
            }
        }
    }

    // The delegate the EC2 target gives the watcher: a command over its SSH target's connection.
    private static async Task<(int ExitCode, string Stdout)> RunAsync(SshComputeTarget ssh, string command, CancellationToken cancellationToken)
    {
        var result = await ssh.ExecuteAsync(command, cancellationToken: cancellationToken);
        return (result.ExitCode, result.Stdout);
    }
}
