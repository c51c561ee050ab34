using Acode.Application.Compute;
using Acode.Cli.Hosting;
using Acode.Domain.Compute.Ec2.Events;

namespace Acode.Cli.Commands;

/// <summary>
/// Keeps <see cref="Interruption.MayRemain"/> up to date during <c>acode exec</c>: an instance from its launch, its
/// security group and key pair until teardown completes, so that a second Ctrl-C can name them.
/// </summary>
internal sealed class ExecLeftovers : IDisposable
{
    private readonly Interruption _interruption;
    private readonly List<string> _keys = [];
    private readonly IDisposable[] _subscriptions;

    public ExecLeftovers(IEventPublisher events, Interruption interruption)
    {
        _interruption = interruption;
        _subscriptions =
        [
            events.Subscribe<Ec2InstanceLaunchingEvent>((e, _) => Record(e.InstanceId, $"instance {e.InstanceId} in {e.Region} (billing), with its temporary security group and auto key pair")),
            events.Subscribe<Ec2InstanceTerminatingEvent>((e, _) => Record(e.InstanceId, $"the temporary security group and auto key pair of instance {e.InstanceId} (terminating)")),
        ];
    }

    /// <summary>Teardown completed: nothing the run started remains.</summary>
    public void Released()
    {
        lock (_keys)
        {
            foreach (var key in _keys)
            {
                _interruption.Released(key);
            }

            _keys.Clear();
        }
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private Task Record(string instanceId, string description)
    {
        lock (_keys)
        {
            _keys.Add(instanceId);
            _interruption.Started(instanceId, description);
        }

        return Task.CompletedTask;
    }
}
