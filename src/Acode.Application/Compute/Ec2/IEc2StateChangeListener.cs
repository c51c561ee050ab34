using Acode.Domain.Compute.Ec2.Events;

namespace Acode.Application.Compute.Ec2;

/// <summary>
/// Receives instance state changes as the target polls them (FR-065). Register any number in DI; a listener that
/// throws is logged and does not stop the polling.
/// </summary>
public interface IEc2StateChangeListener
{
    /// <summary>Called once per observed change, in order.</summary>
    ValueTask OnStateChangedAsync(Ec2InstanceStateChangedEvent change, CancellationToken cancellationToken = default);
}
