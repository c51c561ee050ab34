using Acode.Application.Compute;

namespace Acode.UnitTests.Compute;

public sealed class InMemoryEventPublisherTests
{
    private abstract record TargetEvent(string TargetId);

    private sealed record Started(string TargetId) : TargetEvent(TargetId);

    private sealed record Stopped(string TargetId) : TargetEvent(TargetId);

    [Fact]
    public async Task Typed_subscribers_receive_matching_events_in_order_and_everything_is_recorded()
    {
        var publisher = new InMemoryEventPublisher();
        var started = new List<string>();
        var all = new List<string>();
        using var a = publisher.Subscribe<Started>((e, _) => { started.Add(e.TargetId); return Task.CompletedTask; });
        using var b = publisher.Subscribe<TargetEvent>((e, _) => { all.Add(e.GetType().Name + ":" + e.TargetId); return Task.CompletedTask; });

        await publisher.PublishAsync(new Started("t1"));
        await publisher.PublishAsync(new Stopped("t1"));
        await publisher.PublishAsync("unrelated");

        Assert.Equal(["t1"], started);
        Assert.Equal(["Started:t1", "Stopped:t1"], all);
        Assert.Equal(3, publisher.Published.Count);
        Assert.Equal([new Stopped("t1")], publisher.PublishedOf<Stopped>());
    }

    [Fact]
    public async Task Disposed_subscription_receives_nothing()
    {
        var publisher = new InMemoryEventPublisher();
        var count = 0;
        var subscription = publisher.Subscribe<Started>((_, _) => { count++; return Task.CompletedTask; });

        await publisher.PublishAsync(new Started("a"));
        subscription.Dispose();
        await publisher.PublishAsync(new Started("b"));

        Assert.Equal(1, count);
        Assert.Equal(2, publisher.PublishedOf<Started>().Count);
    }
}
