namespace Acode.Application.Compute;

/// <summary>Publishes domain events (instance launched, target torn down, ...) to in-process subscribers.</summary>
public interface IEventPublisher
{
    /// <summary>Delivers an event to every subscriber of its type (or a base type), in subscription order.</summary>
    Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : notnull;

    /// <summary>Subscribes to events assignable to <typeparamref name="TEvent"/>; dispose the result to unsubscribe.</summary>
    IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, Task> handler)
        where TEvent : notnull;
}
