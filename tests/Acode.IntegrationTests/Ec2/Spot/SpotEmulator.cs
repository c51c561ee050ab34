using Acode.Application.Compute.Ec2.Spot;
using Acode.Ec2Emulator;
using Acode.Infrastructure.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Spot;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace Acode.IntegrationTests.Ec2.Spot;

/// <summary>
/// An emulator (zero delays) and an EC2 client made by acode's own factory, as the provisioner makes it. The AWS
/// environment is isolated for its lifetime: building an SDK client reads the shared config files once per process,
/// so tests using this run in <see cref="AwsEnvironmentCollection"/>.
/// </summary>
internal sealed class SpotEmulator : IAsyncDisposable
{
    private readonly AwsEnvironmentScope _environment = new();

    public const string AmazonLinux2 = "ami-0a1f2e3d4c5b6a701";
    public const string Region = "us-east-1";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private SpotEmulator(Ec2Emulator.Ec2Emulator emulator)
    {
        Emulator = emulator;
        Ec2 = Client("test", "test");
    }

    public Ec2Emulator.Ec2Emulator Emulator { get; }

    public IAmazonEC2 Ec2 { get; }

    public static async Task<SpotEmulator> StartAsync(bool machines = false) => new(await Ec2Emulator.Ec2Emulator.StartAsync(new EmulatorOptions
    {
        StartMachines = machines,
        Settings = new EmulatorSettings { BootDelay = TimeSpan.Zero, SshDelay = TimeSpan.Zero, StopDelay = TimeSpan.Zero, TerminateDelay = TimeSpan.Zero },
    }));

    public IAmazonEC2 Client(string accessKey, string secret) =>
        new Ec2ClientFactory().CreateEc2(new BasicAWSCredentials(accessKey, secret), Region, Emulator.ServiceUrl.ToString());

    /// <summary>The provisioner's RunInstances for one attempt, reduced to what the spot logic touches.</summary>
    public Func<LaunchAttempt, CancellationToken, Task<Instance>> Launch(string launchToken, Action<RunInstancesRequest>? configure = null) =>
        async (attempt, cancellationToken) =>
        {
            var request = Ec2SpotMarketOptions.Apply(
                new RunInstancesRequest { ImageId = AmazonLinux2, MinCount = 1, MaxCount = 1 },
                attempt,
                launchToken);
            configure?.Invoke(request);
            var response = await Ec2.RunInstancesAsync(request, cancellationToken);
            return response.Reservation.Instances[0];
        };

    public async Task<IReadOnlyList<Instance>> AllInstancesAsync()
    {
        var response = await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest());
        return [.. (response.Reservations ?? []).SelectMany(r => r.Instances)];
    }

    public async Task<Instance> WaitAsync(string instanceId, Func<Instance, bool> condition)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var response = await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] });
            var instance = response.Reservations[0].Instances[0];
            if (condition(instance))
            {
                return instance;
            }

            if (TimeProvider.System.GetElapsedTime(start) > Deadline)
            {
                throw new TimeoutException($"Instance {instanceId} stayed {instance.State.Name}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }
    }

    public async Task<string> SubnetInZoneAsync(string zone)
    {
        var response = await Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("availability-zone", [zone])] });
        return response.Subnets.Single().SubnetId;
    }

    public async ValueTask DisposeAsync()
    {
        Ec2.Dispose();
        await Emulator.DisposeAsync();
        _environment.Dispose();
    }
}
