
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SimpleSystemsManagement;

namespace Acode.Ec2Emulator.Tests;

/// <summary>An emulator (machines off, zero delays unless told) with SDK clients pointed at it.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    public const string AmazonLinux2 = "ami-0a1f2e3d4c5b6a701";
    public const string AmazonLinux2023 = "ami-0b2e3f4a5d6c7b801";
    public const string Ubuntu2204 = "ami-0c3d4e5f6a7b8c901";

    // Generous: CI runs on two shared cores that other builds may saturate; a passing wait returns as soon as it can.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public EmulatorHarness(Ec2Emulator emulator)
    {
        Emulator = emulator;
        Ec2 = Ec2Client();
    }

    public Ec2Emulator Emulator { get; }

    public AmazonEC2Client Ec2 { get; }

    public static EmulatorSettings Instant { get; } = new()
    {
        BootDelay = TimeSpan.Zero, SshDelay = TimeSpan.Zero, StopDelay = TimeSpan.Zero, TerminateDelay = TimeSpan.Zero,
    };

    public static async Task<EmulatorHarness> StartAsync(EmulatorSettings? settings = null, bool verifySignatures = true, TimeProvider? timeProvider = null) =>
        new(await StartEmulatorAsync(settings, verifySignatures, timeProvider));

    public static Task<Ec2Emulator> StartEmulatorAsync(EmulatorSettings? settings = null, bool verifySignatures = true, TimeProvider? timeProvider = null) =>
        Ec2Emulator.StartAsync(new EmulatorOptions
        {
            StartMachines = false, Settings = settings ?? Instant, VerifySignatures = verifySignatures, TimeProvider = timeProvider ?? TimeProvider.System,
        });

    public AmazonEC2Client Ec2Client(string accessKey = "test", string secret = "test", int maxErrorRetry = 0) =>
        Ec2Client(new BasicAWSCredentials(accessKey, secret), maxErrorRetry);

    public AmazonEC2Client Ec2Client(AWSCredentials credentials, int maxErrorRetry = 0) =>
        new(credentials, new AmazonEC2Config { ServiceURL = Emulator.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = maxErrorRetry });

    public AmazonSimpleSystemsManagementClient SsmClient(string secret = "test") =>
        new(new BasicAWSCredentials("test", secret), new AmazonSimpleSystemsManagementConfig { ServiceURL = Emulator.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    public AmazonSecurityTokenServiceClient StsClient(AWSCredentials? credentials = null) =>
        new(credentials ?? new BasicAWSCredentials("test", "test"), new AmazonSecurityTokenServiceConfig { ServiceURL = Emulator.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    public async Task<Instance> RunAsync(Action<RunInstancesRequest>? configure = null)
    {
        var request = new RunInstancesRequest { ImageId = AmazonLinux2, InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1 };
        configure?.Invoke(request);
        var response = await Ec2.RunInstancesAsync(request);
        return response.Reservation.Instances[0];
    }

    public async Task<Instance> DescribeAsync(string instanceId)
    {
        var response = await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] });
        return response.Reservations[0].Instances[0];
    }

    /// <summary>Polls the instance until <paramref name="condition"/> holds or the deadline passes.</summary>
    public async Task<Instance> WaitAsync(string instanceId, Func<Instance, bool> condition)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var instance = await DescribeAsync(instanceId);
            if (condition(instance))
            {
                return instance;
            }

            if (TimeProvider.System.GetElapsedTime(start) > Deadline)
            {
                throw new TimeoutException($"Instance {instanceId} stayed {instance.State.Name}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
    }

    public static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(start) > Deadline)
            {
                throw new TimeoutException("Condition not met before the deadline.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Ec2.Dispose();
        await Emulator.DisposeAsync();
    }
}
