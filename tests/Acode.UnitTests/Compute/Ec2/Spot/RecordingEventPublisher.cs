using Acode.Application.Compute;

namespace Acode.UnitTests.Compute.Ec2.Spot;

/// <summary>Records what was published, synchronously.</summary>
internal sealed class RecordingEventPublisher : IEventPublisher
{
    private readonly List<object> _published = [];

    public IReadOnlyList<TEvent> Of<TEvent>()
    {
        lock (_published)
        {
            return [.. _published.OfType<TEvent>()];
        }
    }

    public Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : notnull
    {
        lock (_published)
        {
            _published.Add(@event);
        }

        return Task.CompletedTask;
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, Task> handler)
        where TEvent : notnull => throw new NotSupportedException();
}
