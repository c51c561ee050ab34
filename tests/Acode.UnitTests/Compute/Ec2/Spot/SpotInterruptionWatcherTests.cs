using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Domain.Compute.Ec2.Events;
using Acode.Infrastructure.Compute.Ec2.Spot;
using Microsoft.Extensions.Time.Testing;

namespace Acode.UnitTests.Compute.Ec2.Spot;

/// <summary>FR-051, NFR-006: the watcher polls on its TimeProvider, raises one event and fails guarded commands.</summary>
public sealed class SpotInterruptionWatcherTests
{
    private const string InstanceId = "i-0abc";
    private const string NoNotice = "<html>not found</html>\n404";
    private const string Notice = "{\"action\": \"terminate\", \"time\": \"2026-11-25T12:02:00Z\"}\n200";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly DateTimeOffset NoticeTime = new(2026, 11, 25, 12, 2, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryEventPublisher _events = new();
    private readonly List<string> _commands = [];
    private int _describeCalls;
    private string _imdsOutput = NoNotice;
    private int _imdsExitCode;
    private Exception? _imdsFailure;
    private Ec2InstanceStateProbe? _state = new("running", null);

    [Fact]
    public async Task Polls_now_and_every_interval_without_raising_anything_while_there_is_no_notice()
    {
        await using var watcher = Watcher();
        watcher.Start();
        _time.Advance(Interval * 3);

        Assert.Equal(4, _commands.Count);
        Assert.Equal(4, _describeCalls);
        Assert.All(_commands, c => Assert.Equal(SpotInstanceAction.Command, c));
        Assert.False(watcher.IsInterrupted);
        Assert.False(watcher.InterruptionToken.IsCancellationRequested);
        Assert.Empty(_events.PublishedOf<Ec2SpotInterruptionEvent>());
    }

    [Fact]
    public async Task The_imds_notice_raises_one_event_cancels_the_token_and_stops_polling()
    {
        await using var watcher = Watcher();
        watcher.Start();
        _time.Advance(Interval);
        _imdsOutput = Notice;
        _time.Advance(Interval);
        _time.Advance(Interval * 4);

        var notice = await watcher.Interrupted.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((InstanceId, "terminate", NoticeTime, "imds"), (notice.InstanceId, notice.Action, notice.InterruptionTime, notice.Source));
        Assert.True(watcher.InterruptionToken.IsCancellationRequested);
        Assert.Equal(new Ec2SpotInterruptionEvent(InstanceId, "terminate", NoticeTime, true), Assert.Single(_events.PublishedOf<Ec2SpotInterruptionEvent>()));
        Assert.Equal(3, _commands.Count);
    }

    [Fact]
    public async Task The_spot_state_reason_from_describe_instances_is_a_notice_too()
    {
        await using var watcher = Watcher(willReplace: false);
        watcher.Start();
        _state = new Ec2InstanceStateProbe("shutting-down", "Server.SpotInstanceTermination");
        _time.Advance(Interval);

        var notice = await watcher.Interrupted.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(("Server.SpotInstanceTermination", _time.GetUtcNow(), "describe-instances"), (notice.Action, notice.InterruptionTime, notice.Source));
        Assert.False(Assert.Single(_events.PublishedOf<Ec2SpotInterruptionEvent>()).WillFallbackToOnDemand);
    }

    [Fact]
    public async Task A_user_initiated_termination_is_not_a_spot_interruption()
    {
        await using var watcher = Watcher();
        _state = new Ec2InstanceStateProbe("shutting-down", "Client.UserInitiatedShutdown");

        Assert.Null(await watcher.CheckNowAsync());
    }

    [Fact]
    public async Task Failing_probes_are_retried_at_the_next_tick_and_never_raise()
    {
        await using var watcher = Watcher();
        _imdsExitCode = 7;
        watcher.Start();
        _imdsExitCode = 0;
        _imdsFailure = new InvalidOperationException("SSH connection lost");
        _time.Advance(Interval);
        _imdsFailure = null;
        _imdsOutput = "curl: (7) Failed to connect\n000";
        _time.Advance(Interval);
        Assert.False(watcher.IsInterrupted);

        _imdsOutput = Notice;
        _time.Advance(Interval);
        Assert.Equal("terminate", (await watcher.Interrupted.WaitAsync(TimeSpan.FromSeconds(10))).Action);
    }

    [Fact]
    public async Task The_poll_interval_is_configurable()
    {
        await using var watcher = Watcher(interval: TimeSpan.FromSeconds(1));
        watcher.Start();
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(4, _commands.Count);
    }

    [Fact]
    public async Task A_guarded_command_fails_with_the_typed_exception_on_a_notice()
    {
        await using var watcher = Watcher();
        watcher.Start();
        var started = new TaskCompletionSource();
        var command = watcher.GuardAsync(async ct =>
        {
            started.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, ct);
            return 0;
        });
        await started.Task;
        _imdsOutput = Notice;
        _time.Advance(Interval);

        var error = await Assert.ThrowsAsync<SpotInterruptedException>(() => command.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal((InstanceId, "terminate", NoticeTime, true), (error.InstanceId, error.Action, error.InterruptionTime, error.ReplacementAvailable));
        Assert.Contains("retry the command", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<SpotInterruptedException>(() => watcher.GuardAsync(_ => Task.FromResult(1)));
    }

    [Fact]
    public async Task A_command_that_finishes_within_the_notice_returns_and_a_caller_cancellation_stays_a_cancellation()
    {
        await using var watcher = Watcher();
        Assert.Equal(42, await watcher.GuardAsync(_ => Task.FromResult(42)));

        using var caller = new CancellationTokenSource();
        var command = watcher.GuardAsync(
            async ct =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, _time, ct);
                return 0;
            },
            caller.Token);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => command.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(watcher.IsInterrupted);
    }

    [Fact]
    public async Task A_command_failing_before_the_poll_saw_the_notice_is_checked_at_once()
    {
        await using var watcher = Watcher();
        _imdsFailure = new InvalidOperationException("SSH connection lost");
        _state = new Ec2InstanceStateProbe("shutting-down", "Server.SpotInstanceTermination");

        var error = await Assert.ThrowsAsync<SpotInterruptedException>(() => watcher.GuardAsync<int>(_ => throw new IOException("channel closed")));

        Assert.IsType<IOException>(error.InnerException);
        Assert.Equal("Server.SpotInstanceTermination", error.Action);
        Assert.Single(_events.PublishedOf<Ec2SpotInterruptionEvent>());
    }

    [Fact]
    public async Task A_command_failing_for_another_reason_keeps_its_own_exception()
    {
        await using var watcher = Watcher();

        await Assert.ThrowsAsync<IOException>(() => watcher.GuardAsync<int>(_ => throw new IOException("disk full")));

        Assert.False(watcher.IsInterrupted);
        Assert.Single(_commands);
    }

    [Fact]
    public async Task After_dispose_the_timer_no_longer_polls()
    {
        var watcher = Watcher();
        watcher.Start();
        await watcher.DisposeAsync();
        _time.Advance(Interval * 3);

        Assert.Single(_commands);
    }

    private SpotInterruptionWatcher Watcher(bool willReplace = true, TimeSpan? interval = null) => new(
        InstanceId,
        willReplace,
        (command, _) =>
        {
            _commands.Add(command);
            return _imdsFailure is { } failure ? Task.FromException<(int, string)>(failure) : Task.FromResult((_imdsExitCode, _imdsOutput));
        },
        _ =>
        {
            _describeCalls++;
            return Task.FromResult(_state);
        },
        _time,
        _events,
        new SpotInterruptionWatcherOptions { PollInterval = interval ?? Interval });
}
