using System.Runtime.CompilerServices;
using Acode.Application.Compute.Ec2;
using Acode.Domain.Compute.Ec2;

namespace Acode.UnitTests.Cli;

/// <summary>In-memory instances behind the CLI's EC2 service seams; records every change asked for.</summary>
internal sealed class FakeEc2Instances : IEc2InstanceManager
{
    public List<Ec2InstanceInfo> Instances { get; } = [];

    public List<string> Calls { get; } = [];

    public Task<Ec2InstanceInfo?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Instances.FirstOrDefault(i => i.InstanceId == instanceId));

    public Task<Ec2InstanceState> GetStateAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Instances.FirstOrDefault(i => i.InstanceId == instanceId)?.State ?? Ec2InstanceState.Terminated);

    public Task StartAsync(string instanceId, CancellationToken cancellationToken = default) => Set(instanceId, "start", Ec2InstanceState.Pending);

    public Task StopAsync(string instanceId, CancellationToken cancellationToken = default) => Set(instanceId, "stop", Ec2InstanceState.Stopping);

    public Task TerminateAsync(string instanceId, CancellationToken cancellationToken = default) => Set(instanceId, "terminate", Ec2InstanceState.ShuttingDown);

    public async IAsyncEnumerable<Ec2InstanceInfo> ListAcodeInstancesAsync(string region, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Calls.Add("list " + region);
        foreach (var instance in Instances.Where(i => i.Region == region))
        {
            await Task.Yield();
            yield return instance;
        }
    }

    private Task Set(string instanceId, string call, Ec2InstanceState state)
    {
        Calls.Add($"{call} {instanceId}");
        var index = Instances.FindIndex(i => i.InstanceId == instanceId);
        if (index >= 0)
        {
            Instances[index] = Instances[index] with { State = state };
        }

        return Task.CompletedTask;
    }
}
