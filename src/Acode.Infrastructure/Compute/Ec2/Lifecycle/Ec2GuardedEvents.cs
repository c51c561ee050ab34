using Acode.Application.Compute;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2.Lifecycle;

/// <summary>
/// The host's <see cref="IEventPublisher"/> as every EC2 piece of one target sees it: a publisher or subscriber that
/// throws is logged as a warning and the caller carries on, so no event can fail a launch, a teardown or a background
/// loop (the spot watcher, the cost alert timer).
/// </summary>
internal sealed class Ec2GuardedEvents(IEventPublisher inner, string targetId, ILogger logger) : IEventPublisher
{
    /// <inheritdoc />
    public async Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : notnull
    {
        try
        {
            await inner.PublishAsync(@event, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Ec2Log.ObservationFailed(logger, targetId, "publishing " + typeof(TEvent).Name, ex);
        }
    }

    /// <inheritdoc />
    public IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, Task> handler)
        where TEvent : notnull => inner.Subscribe(handler);
}
