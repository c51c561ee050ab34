namespace Acode.Application.Compute;

/// <summary>
/// The in-process <see cref="IEventPublisher"/>: calls typed subscribers in order and remembers every published
/// event so tests and diagnostics can read them. Thread-safe.
/// </summary>
public sealed class InMemoryEventPublisher : IEventPublisher
{
    private readonly Lock _gate = new();
    private readonly List<object> _published = [];
    private readonly List<Subscription> _subscriptions = [];

    /// <summary>Every event published so far, in order.</summary>
    public IReadOnlyList<object> Published
    {
        get
        {
            lock (_gate)
            {
                return [.. _published];
            }
        }
    }

    /// <summary>The published events of one type, in order.</summary>
    public IReadOnlyList<TEvent> PublishedOf<TEvent>() => [.. Published.OfType<TEvent>()];

    /// <inheritdoc />
    public async Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : notnull
    {
        Subscription[] targets;
        lock (_gate)
        {
            _published.Add(@event);
            targets = [.. _subscriptions.Where(s => s.EventType.IsInstanceOfType(@event))];
        }

        foreach (var subscription in targets)
        {
            await subscription.Handler(@event, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, Task> handler)
        where TEvent : notnull
    {
        var subscription = new Subscription(this, typeof(TEvent), (e, ct) => handler((TEvent)e, ct));
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private sealed class Subscription(InMemoryEventPublisher owner, Type eventType, Func<object, CancellationToken, Task> handler) : IDisposable
    {
        public Type EventType => eventType;

        public Func<object, CancellationToken, Task> Handler => handler;

        public void Dispose() => owner.Remove(this);
    }
}
