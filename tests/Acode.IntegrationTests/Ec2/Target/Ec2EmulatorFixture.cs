using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Domain.Compute;
using Acode.Ec2Emulator;
using Acode.Infrastructure.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Credentials;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>
/// One EC2 emulator per test class, its instances backed by real sshd, with short delays so a whole
/// provision-run-terminate cycle takes a couple of seconds. Offers a target configuration with fast intervals and
/// an inspection client to check what is left behind.
/// </summary>
public sealed class Ec2EmulatorFixture : IAsyncLifetime
{
    public static readonly EmulatorSettings FastSettings = new()
    {
        BootDelay = TimeSpan.FromMilliseconds(200),
        SshDelay = TimeSpan.FromMilliseconds(200),
        StopDelay = TimeSpan.FromMilliseconds(200),
        TerminateDelay = TimeSpan.FromMilliseconds(300),
    };

    public Ec2Emulator.Ec2Emulator Emulator { get; private set; } = null!;

    /// <summary>Where the emulator keeps its machines' disks (one folder per instance id).</summary>
    public string MachineRoot { get; } = Path.Combine(Path.GetTempPath(), "acode-ec2-it-" + Guid.NewGuid().ToString("N"));

    public AmazonEC2Client Ec2 { get; private set; } = null!;

    public ResolvedAwsCredentials Credentials { get; } =
        new(new BasicAWSCredentials("test", "test"), "us-east-1", AwsCredentialSource.ExplicitProfile, "test credentials", "****test");

    public async Task InitializeAsync()
    {
        Emulator = await Ec2Emulator.Ec2Emulator.StartAsync(new EmulatorOptions { Settings = FastSettings, MachineWorkRoot = MachineRoot });
        Ec2 = new AmazonEC2Client(new BasicAWSCredentials("test", "test"), new AmazonEC2Config { ServiceURL = Emulator.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1" });
    }

    public async Task DisposeAsync()
    {
        Ec2.Dispose();
        await Emulator.DisposeAsync();

        // The emulator deletes only a work root it made itself; this one was given.
        if (Directory.Exists(MachineRoot))
        {
            Directory.Delete(MachineRoot, recursive: true);
        }
    }

    /// <summary>A configuration for the emulator: temporary security group, auto key pair, pinned host key, fast intervals.</summary>
    public Ec2Configuration Configuration() => new()
    {
        Region = "us-east-1",
        EndpointUrl = Emulator.ServiceUrl,
        InstanceType = "t3.micro",
        CreateTempSecurityGroup = true,
        PollInterval = TimeSpan.FromMilliseconds(50),
        SshRetryInterval = TimeSpan.FromMilliseconds(50),
        SshRetryCount = 400,
        SshReadyTimeout = TimeSpan.FromSeconds(30),
        ProvisionTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Dependencies with the test credentials and the given logger factory and events.</summary>
    public Ec2TargetDependencies Dependencies(InMemoryEventPublisher? events = null, Microsoft.Extensions.Logging.ILoggerFactory? loggers = null) => new()
    {
        ModeValidator = new ModeValidator(OperatingMode.Burst),
        Events = events ?? new InMemoryEventPublisher(),
        ExplicitCredentials = Credentials,
        LoggerFactory = loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
    };

    /// <summary>Instances of a session that are not terminated.</summary>
    public async Task<IReadOnlyList<Instance>> LiveInstancesAsync(string sessionId)
    {
        var response = await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            Filters = [new Filter("tag:acode:session", [sessionId]), new Filter("instance-state-name", ["pending", "running", "stopping", "stopped"])],
        });
        return response.Reservations?.SelectMany(r => r.Instances ?? []).ToArray() ?? [];
    }

    /// <summary>Security groups and key pairs of a session still present.</summary>
    public async Task<(int Groups, int KeyPairs)> LeftoversAsync(string sessionId)
    {
        var groups = await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("tag:acode:session", [sessionId])] });
        var keys = await Ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { Filters = [new Filter("tag:acode:session", [sessionId])] });
        return (groups.SecurityGroups?.Count ?? 0, keys.KeyPairs?.Count ?? 0);
    }

    /// <summary>Asserts nothing of the session is left: no live instance, no security group, no key pair.</summary>
    public async Task AssertNothingLeftAsync(string sessionId)
    {
        Assert.Empty(await LiveInstancesAsync(sessionId));
        var (groups, keys) = await LeftoversAsync(sessionId);
        Assert.Equal(0, groups);
        Assert.Equal(0, keys);
    }
}
