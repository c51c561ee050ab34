using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Domain.Compute.Ec2;
using Acode.Domain.Compute.Ec2.Cost;
using Acode.Ec2Emulator;
using Acode.Infrastructure.Compute.Ec2.Orphans;
using Acode.Infrastructure.Compute.Ec2.Pricing;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Emulator = Acode.Ec2Emulator.Ec2Emulator;

namespace Acode.IntegrationTests.Cli;

/// <summary>
/// The EC2 commands as a separate acode process in burst mode against an emulator this test starts (<c>--endpoint-url</c>),
/// with the emulator's test key in the child's environment.
/// </summary>
public sealed partial class CliEc2CommandsTests
{
    private const int SigInt = 2;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task List_stop_start_terminate_an_acode_instance()
    {
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions { StartMachines = false, Settings = new EmulatorSettings { BootDelay = TimeSpan.Zero, SshDelay = TimeSpan.Zero, StopDelay = TimeSpan.Zero, TerminateDelay = TimeSpan.Zero } });
        using var ec2 = Client(emulator);
        var ours = await LaunchAsync(ec2, tagged: true);
        var foreign = await LaunchAsync(ec2, tagged: false);
        using var cli = new CliProcess();

        var list = await cli.RunAsync(Args(emulator, "target", "ec2", "list", "--output", "json"), Credentials);

        Assert.True(list.ExitCode == 0, list.ToString());
        var rows = list.Json().RootElement.EnumerateArray().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(ours, row.GetProperty("instanceId").GetString());
        Assert.Equal("running", row.GetProperty("state").GetString());
        Assert.False(row.GetProperty("orphan").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("orphanReason").ValueKind);
        Assert.True(row.GetProperty("hourlyRate").GetDecimal() > 0);
        Assert.DoesNotContain(foreign, list.Out, StringComparison.Ordinal);

        foreach (var (verb, expected) in new[] { ("stop", "stopped"), ("start", "running"), ("terminate", "terminated") })
        {
            var result = await cli.RunAsync(Args(emulator, "target", "ec2", verb, ours, "--output", "json"), Credentials);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(verb, result.Json().RootElement.GetProperty("action").GetString());
            Assert.Equal(expected, await WaitForStateAsync(ec2, ours, expected));
        }

        Assert.Equal("running", await StateAsync(ec2, foreign));
    }

    [Fact]
    public async Task List_flags_orphans_by_the_sweep_rule_keeps_live_sessions_and_takes_the_ledger_cost()
    {
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions { StartMachines = false, Settings = new EmulatorSettings { BootDelay = TimeSpan.Zero, SshDelay = TimeSpan.Zero } });
        using var ec2 = Client(emulator);
        using var cli = new CliProcess();
        var state = Path.Combine(cli.Root, "state");
        const string liveSession = "cli-list-live";
        var fresh = await LaunchAsync(ec2, tagged: true);
        var expired = await LaunchAsync(ec2, tagged: true, new Amazon.EC2.Model.Tag("acode:expires-at", "2020-01-01T00:00:00Z"));
        var live = await LaunchAsync(ec2, tagged: true, new Amazon.EC2.Model.Tag("acode:expires-at", "2020-01-01T00:00:00Z"), new Amazon.EC2.Model.Tag("acode:session", liveSession));

        // This test process is the live session's owner, registered in the child's state folder.
        new Ec2SessionRegistry(Ec2SessionRegistry.DefaultDirectory(_ => state), TimeProvider.System).Register(liveSession, "us-east-1", live);
        var now = TimeProvider.System.GetUtcNow();
        await new Ec2CostLedgerFile(Path.Combine(state, "acode", Ec2CostLedgerFile.FileName)).RecordAsync([new Ec2CostRecord
        {
            InstanceId = fresh,
            InstanceType = "t3.micro",
            Region = "us-east-1",
            Lifecycle = Ec2InstanceLifecycle.OnDemand,
            Discount = Ec2DiscountKind.None,
            InstanceHourlyRate = 0.0104m,
            HourlyRate = 0.0154m,
            LaunchTime = now.AddHours(-1),
            LastSeen = now,
            AccruedCost = 12.34m,
        }]);

        var list = await cli.RunAsync(Args(emulator, "target", "ec2", "list", "--output", "json"), new Dictionary<string, string>(Credentials) { ["XDG_STATE_HOME"] = state });

        Assert.True(list.ExitCode == 0, list.ToString());
        var rows = list.Json().RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("instanceId").GetString()!);
        Assert.False(rows[fresh].GetProperty("orphan").GetBoolean());
        Assert.InRange(rows[fresh].GetProperty("costSoFar").GetDecimal(), 12.34m, 12.5m);
        Assert.True(rows[expired].GetProperty("orphan").GetBoolean());
        Assert.StartsWith("expired ", rows[expired].GetProperty("orphanReason").GetString(), StringComparison.Ordinal);
        Assert.False(rows[live].GetProperty("orphan").GetBoolean());
        Assert.Contains($"session {liveSession} is alive", rows[live].GetProperty("orphanReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Target_test_dry_run_is_all_green_and_launches_nothing()
    {
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions { StartMachines = false });
        using var ec2 = Client(emulator);
        using var cli = new CliProcess();

        var result = await cli.RunAsync(Args(emulator, "target", "test", "ec2", "--dry-run", "--output", "json"), Credentials);

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json().RootElement;
        Assert.True(json.GetProperty("passed").GetBoolean(), result.ToString());
        var names = json.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        foreach (var expected in new[] { "credentials", "identity (STS GetCallerIdentity)", "AMI", "RunInstances (DryRun)", "CreateSecurityGroup (DryRun)", "ImportKeyPair (DryRun)", "TerminateInstances (DryRun)", "cost estimate" })
        {
            Assert.Contains(expected, names);
        }

        Assert.Contains("000000000000", result.Out, StringComparison.Ordinal);
        Assert.Empty((await ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations ?? []);
    }

    [Fact]
    public async Task Sigint_during_provisioning_exits_130_and_terminates_the_instance()
    {
        // A long boot keeps the instance pending, so the interrupt lands while acode waits for it.
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions { StartMachines = false, Settings = new EmulatorSettings { BootDelay = TimeSpan.FromSeconds(30), TerminateDelay = TimeSpan.Zero } });
        using var ec2 = Client(emulator);
        using var cli = new CliProcess();
        cli.WriteConfig("ec2Target:\n  region: us-east-1\n  pollInterval: 200ms\n  sshReadyTimeout: 10s\n");
        using var process = cli.Start([.. Args(emulator, "exec"), "--", "true"], Credentials);
        var steps = new List<string>();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = new System.Text.StringBuilder();
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            // acode prints "launched i-..." as soon as RunInstances returned: from then on it waits for the instance.
            string? instanceId = null;
            while (instanceId is null)
            {
                var line = await process.StandardError.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException("acode exited before launching: " + error);
                error.AppendLine(line);
                instanceId = System.Text.RegularExpressions.Regex.Match(line, "launched (i-[0-9a-f]+)") is { Success: true } m ? m.Groups[1].Value : null;
            }

            // Interrupt while acode waits for the instance to run: the run is cancelled, teardown still terminates.
            await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System, deadline.Token);
            steps.Add($"{TimeProvider.System.GetUtcNow():HH:mm:ss.fff} {instanceId} seen; SIGINT to {process.Id}");
            var sent = Kill(process.Id, SigInt);
            Assert.True(sent == 0, $"kill({process.Id}, SIGINT) failed: errno {Marshal.GetLastPInvokeError()}; exited {process.HasExited}");

            error.Append(await process.StandardError.ReadToEndAsync(deadline.Token));
            await process.WaitForExitAsync(deadline.Token);
            Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{string.Join('\n', steps)}\n{await output}\n{error}");
            Assert.Contains(await StateAsync(ec2, instanceId), new[] { "shutting-down", "terminated" });
            var keys = (await ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest(), deadline.Token)).KeyPairs ?? [];
            Assert.DoesNotContain(keys, k => k.KeyName.StartsWith("acode-", StringComparison.Ordinal));
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"acode exec did not finish in time:\n{await output}\n{error}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Sigkill_during_provisioning_leaves_an_instance_that_cleanup_removes()
    {
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions { StartMachines = false, Settings = new EmulatorSettings { BootDelay = TimeSpan.FromSeconds(30), TerminateDelay = TimeSpan.Zero } });
        using var ec2 = Client(emulator);
        using var cli = new CliProcess();
        using var process = cli.Start([.. Args(emulator, "exec"), "--", "true"], Credentials);
        using var deadline = new CancellationTokenSource(Deadline);
        string? instanceId = null;
        while (instanceId is null)
        {
            var line = await process.StandardError.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException("acode exited before launching");
            instanceId = System.Text.RegularExpressions.Regex.Match(line, "launched (i-[0-9a-f]+)") is { Success: true } m ? m.Groups[1].Value : null;
        }

        // SIGKILL: no handler runs, nothing is torn down; the instance stays.
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(deadline.Token);
        Assert.Contains(await StateAsync(ec2, instanceId), new[] { "pending", "running" });

        var cleanup = await cli.RunAsync(Args(emulator, "target", "ec2", "cleanup", "--older-than", "0s", "--yes", "--output", "json"), Credentials);

        Assert.True(cleanup.ExitCode == 0, cleanup.ToString());
        Assert.Contains(instanceId, cleanup.Out, StringComparison.Ordinal);
        Assert.Contains(await WaitForStateAsync(ec2, instanceId, "terminated"), new[] { "shutting-down", "terminated" });
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    private static readonly Dictionary<string, string> Credentials = new()
    {
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
    };

    private static string[] Args(Emulator emulator, params string[] command) =>
        [.. command, "--mode", "burst", "--endpoint-url", emulator.ServiceUrl.ToString(), "--region", emulator.Region];

    private static AmazonEC2Client Client(Emulator emulator) =>
        new(new BasicAWSCredentials("test", "test"), new AmazonEC2Config { ServiceURL = emulator.ServiceUrl.ToString(), AuthenticationRegion = emulator.Region });

    private static async Task<string> LaunchAsync(AmazonEC2Client ec2, bool tagged, params Amazon.EC2.Model.Tag[] extraTags)
    {
        var id = await EmulatorInstances.RunAsync(ec2, tagged ? [new Amazon.EC2.Model.Tag("acode", "true"), .. extraTags] : []);
        await WaitForStateAsync(ec2, id, "running");
        return id;
    }

    private static async Task<string> StateAsync(AmazonEC2Client ec2, string instanceId)
    {
        var response = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] });
        return response.Reservations[0].Instances[0].State.Name.Value;
    }

    private static async Task<string> WaitForStateAsync(AmazonEC2Client ec2, string instanceId, string state)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var current = await StateAsync(ec2, instanceId);
        while (current != state && !deadline.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, CancellationToken.None);
            current = await StateAsync(ec2, instanceId);
        }

        return current;
    }
}
