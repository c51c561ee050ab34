using Acode.Ec2Emulator;
using Emulator = Acode.Ec2Emulator.Ec2Emulator;
using Acode.Infrastructure.Compute.Ec2.Keys;
using Acode.Infrastructure.Compute.Ec2.Orphans;
using Acode.Infrastructure.Compute.Ec2.Tagging;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace Acode.IntegrationTests.Ec2.Orphans;

/// <summary>
/// An in-process emulator (machines off unless asked) with a real AWSSDK client, a private session registry folder, and helpers
/// to launch tagged, back-dated instances and acode's temporary groups and key pairs.
/// </summary>
internal sealed class OrphanScenario : IAsyncDisposable
{
    public const string Ami = "ami-0a1f2e3d4c5b6a701";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly AwsEnvironmentScope _environment;

    private OrphanScenario(Emulator emulator, string region, AwsEnvironmentScope environment)
    {
        _environment = environment;
        Emulator = emulator;
        Region = region;
        Ec2 = Client(region);
        SessionDirectory = Path.Combine(Path.GetTempPath(), "acode-orphans-" + Guid.NewGuid().ToString("N"));
        Sessions = new Ec2SessionRegistry(SessionDirectory, TimeProvider.System);
    }

    public Emulator Emulator { get; }

    public string Region { get; }

    public AmazonEC2Client Ec2 { get; }

    public string SessionDirectory { get; }

    public Ec2SessionRegistry Sessions { get; }

    /// <summary>The calls that could change something (everything but Describe*).</summary>
    public IReadOnlyList<string> MutatingCalls => [.. Emulator.ActionLog.Select(e => e.Action).Where(a => !a.StartsWith("Describe", StringComparison.Ordinal))];

    public static async Task<OrphanScenario> StartAsync(string region = "us-east-1", TimeSpan? terminateDelay = null, bool machines = false)
    {
        var settings = new EmulatorSettings
        {
            BootDelay = TimeSpan.Zero, SshDelay = TimeSpan.Zero, StopDelay = TimeSpan.Zero, TerminateDelay = terminateDelay ?? TimeSpan.Zero,
        };
        // The SDK reads the shared-file locations once per process, at its first client: make that happen under the
        // same pinned, empty files the credential tests use (the scenario's tests share their collection).
        var environment = new AwsEnvironmentScope();
        var emulator = await Emulator.StartAsync(new EmulatorOptions { StartMachines = machines, Settings = settings, Region = region });
        return new OrphanScenario(emulator, region, environment);
    }

    public AmazonEC2Client Client(string region) =>
        new(new BasicAWSCredentials("test", "test"), new AmazonEC2Config { ServiceURL = Emulator.ServiceUrl.ToString(), AuthenticationRegion = region, MaxErrorRetry = 0 });

    public Ec2OrphanDetector Detector(int pageSize = 5, Func<string, IAmazonEC2>? clientForRegion = null, bool withSessions = true) =>
        new(Ec2, TimeProvider.System, new Ec2OrphanOptions { PageSize = pageSize, DependencyFirstBackoff = TimeSpan.FromMilliseconds(100), DependencyTimeout = TimeSpan.FromSeconds(20) },
            withSessions ? Sessions : null, clientForRegion);

    /// <summary>acode's tags for a session; <paramref name="expiresIn"/> may be negative (already expired).</summary>
    public static Dictionary<string, string> AcodeTags(string session, TimeSpan? expiresIn = null) => new()
    {
        [Ec2TagKeys.Acode] = Ec2TagKeys.AcodeValue,
        [Ec2TagKeys.Session] = session,
        [Ec2TagKeys.Owner] = "tester@test",
        [Ec2TagKeys.TargetId] = "default",
        [Ec2TagKeys.ExpiresAt] = Ec2Tags.FormatTimestamp(TimeProvider.System.GetUtcNow().Add(expiresIn ?? TimeSpan.FromHours(8))),
    };

    /// <summary>Launches <paramref name="count"/> instances in one call, optionally tagged and back-dated.</summary>
    public async Task<List<string>> LaunchAsync(
        int count, Dictionary<string, string>? tags, TimeSpan age = default, string? groupId = null, string? keyName = null)
    {
        var request = new RunInstancesRequest { ImageId = Ami, InstanceType = InstanceType.T3Micro, MinCount = count, MaxCount = count, KeyName = keyName };
        if (tags is not null)
        {
            request.TagSpecifications = [Ec2TagSpecifications.For(ResourceType.Instance, tags)];
        }

        if (groupId is not null)
        {
            request.SecurityGroupIds = [groupId];
        }

        var response = await Ec2.RunInstancesAsync(request);
        var ids = response.Reservation.Instances.Select(i => i.InstanceId).ToList();
        foreach (var id in ids)
        {
            await WaitForStateAsync(id, "running");
            if (age > TimeSpan.Zero)
            {
                Emulator.SetLaunchTime(id, TimeProvider.System.GetUtcNow() - age);
            }
        }

        return ids;
    }

    public async Task<string> CreateGroupAsync(string name, Dictionary<string, string>? tags)
    {
        var request = new CreateSecurityGroupRequest { GroupName = name, Description = "test group " + name };
        if (tags is not null)
        {
            request.TagSpecifications = [Ec2TagSpecifications.For(ResourceType.SecurityGroup, tags)];
        }

        return (await Ec2.CreateSecurityGroupAsync(request)).GroupId;
    }

    public async Task<string> ImportKeyAsync(string name, Dictionary<string, string>? tags)
    {
        var key = SshKeyPairGenerator.GenerateEd25519(name);
        var request = new ImportKeyPairRequest { KeyName = name, PublicKeyMaterial = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(key.PublicKeyLine)) };
        if (tags is not null)
        {
            request.TagSpecifications = [Ec2TagSpecifications.For(ResourceType.KeyPair, tags)];
        }

        return (await Ec2.ImportKeyPairAsync(request)).KeyPairId;
    }

    public async Task<string> StateAsync(string instanceId)
    {
        var response = await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] });
        return response.Reservations[0].Instances[0].State.Name.Value;
    }

    public async Task<IReadOnlyList<string>> GroupIdsAsync() =>
        [.. ((await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest())).SecurityGroups ?? []).Select(g => g.GroupId)];

    public async Task<IReadOnlyList<string>> KeyPairIdsAsync() =>
        [.. ((await Ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest())).KeyPairs ?? []).Select(k => k.KeyPairId)];

    public async Task WaitForStateAsync(string instanceId, string state)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (await StateAsync(instanceId) != state)
        {
            if (TimeProvider.System.GetElapsedTime(start) > Deadline)
            {
                throw new TimeoutException($"{instanceId} never reached {state}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Ec2.Dispose();
        await Emulator.DisposeAsync();
        if (Directory.Exists(SessionDirectory))
        {
            Directory.Delete(SessionDirectory, recursive: true);
        }

        _environment.Dispose();
    }
}
