using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Domain.Compute;
using Acode.Domain.Compute.Ec2;
using Acode.Ec2Emulator;
using Acode.Infrastructure.Compute;
using Acode.Infrastructure.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Lifecycle;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>The instance manager against an emulator without machines: listing pages, idempotent terminate, DI.</summary>
public sealed class Ec2InstanceManagerTests : IAsyncLifetime
{
    private Ec2Emulator.Ec2Emulator _emulator = null!;

    private AmazonEC2Client Ec2 { get; set; } = null!;

    private Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient Ssm { get; set; } = null!;

    public async Task InitializeAsync()
    {
        _emulator = await Ec2Emulator.Ec2Emulator.StartAsync(new EmulatorOptions
        {
            StartMachines = false,
            Settings = new EmulatorSettings { BootDelay = TimeSpan.Zero, SshDelay = TimeSpan.Zero, TerminateDelay = TimeSpan.Zero, StopDelay = TimeSpan.Zero },
        });
        Ssm = new Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient(
            new BasicAWSCredentials("test", "test"), new Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementConfig { ServiceURL = _emulator.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1" });
        Ec2 = new AmazonEC2Client(new BasicAWSCredentials("test", "test"), new AmazonEC2Config { ServiceURL = _emulator.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1" });
    }

    public async Task DisposeAsync()
    {
        Ec2.Dispose();
        Ssm.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Listing_pages_through_every_acode_instance_and_skips_others()
    {
        await RunAsync(12, acode: true);
        await RunAsync(3, acode: false);
        var manager = new Ec2InstanceManager(Ec2, "us-east-1", TimeProvider.System, NullLogger.Instance) { PageSize = 5 };
        _emulator.ClearActionLog();

        var listed = await manager.ListAcodeInstancesAsync("us-east-1").ToListAsync();

        Assert.Equal(12, listed.Count);
        Assert.All(listed, instance => Assert.Equal("true", instance.Tags["acode"]));
        Assert.True(_emulator.ActionLog.Count(e => e.Action == "DescribeInstances") >= 3, "three pages of five");
    }

    [Fact]
    public async Task Terminate_is_idempotent_and_a_missing_instance_is_success()
    {
        var id = (await RunAsync(1, acode: true))[0];
        var manager = new Ec2InstanceManager(Ec2, "us-east-1", TimeProvider.System, NullLogger.Instance);

        await manager.TerminateAsync(id);
        await manager.TerminateAsync(id);
        await manager.TerminateAsync("i-0123456789abcdef0");

        Assert.Equal(Ec2InstanceState.Terminated, await manager.GetStateAsync(id));
        Assert.Null(await manager.GetInstanceAsync("i-0123456789abcdef0"));
    }

    [Fact]
    public async Task Di_registers_the_ec2_factory_next_to_ssh_without_creating_clients()
    {
        var services = new ServiceCollection()
            .AddAcodeCompute(options => options.ModeFlag = "burst")
            .AddAcodeEc2Target(new Ec2Configuration { Region = "us-east-1", EndpointUrl = _emulator.ServiceUrl });
        await using var provider = services.BuildServiceProvider();
        _emulator.ClearActionLog();

        var factories = provider.GetServices<IComputeTargetFactory>().ToArray();
        var target = await factories.Single(f => f.TargetType == "ec2").CreateAsync(provider.GetRequiredService<Ec2Configuration>());

        Assert.Contains(factories, f => f.TargetType == "ssh");
        Assert.IsType<Ec2ComputeTarget>(target);
        Assert.Equal(ComputeTargetState.NotProvisioned, target.State);
        Assert.Empty(_emulator.ActionLog);
    }

    [Fact]
    public async Task The_provisioners_own_contract_launches_with_a_client_token_and_waits_for_running()
    {
        var configuration = new Ec2Configuration { Region = "us-east-1", EndpointUrl = _emulator.ServiceUrl, InstanceType = "t3.micro", PollInterval = TimeSpan.FromMilliseconds(20) };
        var manager = new Ec2InstanceManager(Ec2, "us-east-1", TimeProvider.System, NullLogger.Instance);
        var amis = new Acode.Infrastructure.Compute.Ec2.Ami.Ec2AmiResolver(Ec2, Ssm, _emulator.ServiceUrl.ToString());
        var tags = new Dictionary<string, string> { ["acode"] = "true", ["acode:session"] = "contract" };
        var provisioner = new Acode.Infrastructure.Compute.Ec2.Provisioning.Ec2InstanceProvisioner(Ec2, manager, amis, configuration, "contract", tags, TimeProvider.System, NullLogger.Instance);

        var instance = await provisioner.ProvisionAsync(configuration);

        Assert.Equal(Ec2InstanceState.Running, instance.State);
        Assert.Equal("ami-0b2e3f4a5d6c7b801", instance.AmiId);
        var described = await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instance.InstanceId] });
        Assert.StartsWith("contract-", described.Reservations[0].Instances[0].ClientToken, StringComparison.Ordinal);
        Assert.Equal("ami-0b2e3f4a5d6c7b801", await provisioner.ResolveAmiAsync(null, "us-east-1"));
        Assert.Equal("ami-0a1f2e3d4c5b6a701", await provisioner.ResolveAmiAsync("al2", "us-east-1"));
        await manager.TerminateAsync(instance.InstanceId);
    }

    private async Task<List<string>> RunAsync(int count, bool acode)
    {
        var response = await Ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0a1f2e3d4c5b6a701",
            InstanceType = InstanceType.T3Micro,
            MinCount = count,
            MaxCount = count,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag(acode ? "acode" : "other", "true")] }],
        });
        return response.Reservation.Instances.Select(i => i.InstanceId).ToList();
    }
}
