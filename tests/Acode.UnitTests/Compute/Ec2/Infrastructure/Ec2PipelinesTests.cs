using System.Threading.Channels;
using Acode.Infrastructure.Compute.Ec2;
using Amazon.EC2;
using Microsoft.Extensions.Time.Testing;

namespace Acode.UnitTests.Compute.Ec2.Infrastructure;

/// <summary>
/// The retry pipelines on a fake clock: each wait the pipeline starts is seen as the timer it creates, and the clock is
/// moved by exactly that much, so the waits are checked without any real time passing.
/// </summary>
public sealed class Ec2PipelinesTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly WaitRecordingTime _time = new();

    [Fact]
    public async Task Transient_codes_are_retried_with_waits_doubling_from_100_ms_up_to_3_s()
    {
        var calls = 0;
        var run = Ec2Retry.TransientAsync(
            _ => ++calls <= 7 ? throw Error("RequestLimitExceeded") : Task.FromResult("done"), _time, CancellationToken.None);

        var waits = await _time.DriveAsync(run);

        Assert.Equal("done", await run);
        Assert.Equal(8, calls);
        Assert.Equal([100, 200, 400, 800, 1600, 3000, 3000], waits.Select(w => w.TotalMilliseconds));
    }

    [Theory]
    [InlineData("InvalidParameterValue")]
    [InlineData("DependencyViolation")]
    [InlineData("UnauthorizedOperation")]
    public async Task Other_codes_are_thrown_at_once_without_a_wait(string code)
    {
        var calls = 0;

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => Ec2Retry.TransientAsync<string>(_ => { calls++; throw Error(code); }, _time, CancellationToken.None));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(1, calls);
        Assert.Empty(_time.Waits);
    }

    [Fact]
    public async Task The_caller_token_ends_the_retries_during_a_wait()
    {
        using var cancel = new CancellationTokenSource();
        var calls = 0;
        var run = Ec2Retry.TransientAsync<string>(_ => { calls++; throw Error("InternalError"); }, _time, cancel.Token);

        await _time.NextWaitAsync();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Security_group_release_retries_dependency_violation_and_transient_codes_with_its_own_backoff()
    {
        string[] codes = ["DependencyViolation", "RequestLimitExceeded", "DependencyViolation", "DependencyViolation"];
        var calls = 0;
        var told = new List<(string? Code, TimeSpan Delay)>();
        var pipeline = Ec2Pipelines.SecurityGroupRelease(_time, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), (code, delay) => told.Add((code, delay)));

        var run = pipeline.ExecuteAsync(_ => calls < codes.Length ? throw Error(codes[calls++]) : ValueTask.CompletedTask, CancellationToken.None).AsTask();
        var waits = await _time.DriveAsync(run);
        await run;

        Assert.Equal(4, calls);
        Assert.Equal([1, 2, 3, 3], waits.Select(w => w.TotalSeconds));
        Assert.Equal(codes, told.Select(t => t.Code));
        Assert.Equal(waits, told.Select(t => t.Delay));
    }

    [Theory]
    [InlineData("InvalidGroup.NotFound")]
    [InlineData("CannotDelete")]
    public async Task Security_group_release_leaves_other_answers_to_the_caller(string code)
    {
        var pipeline = Ec2Pipelines.SecurityGroupRelease(_time, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => pipeline.ExecuteAsync(_ => throw Error(code), CancellationToken.None).AsTask());

        Assert.Equal(code, error.ErrorCode);
        Assert.Empty(_time.Waits);
    }

    private static AmazonEC2Exception Error(string code) => new("fault") { ErrorCode = code };

    /// <summary>A fake clock that reports every one-shot timer (a wait) it is asked for.</summary>
    private sealed class WaitRecordingTime : FakeTimeProvider
    {
        private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

        public List<TimeSpan> Waits { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (period == Timeout.InfiniteTimeSpan && dueTime != Timeout.InfiniteTimeSpan)
            {
                Waits.Add(dueTime);
                _waits.Writer.TryWrite(dueTime);
            }

            return timer;
        }

        /// <summary>The next wait, once its timer exists.</summary>
        public async Task<TimeSpan> NextWaitAsync()
        {
            using var deadline = new CancellationTokenSource(Deadline);
            return await _waits.Reader.ReadAsync(deadline.Token);
        }

        /// <summary>Moves the clock through each wait <paramref name="run"/> starts until it ends; returns the waits.</summary>
        public async Task<List<TimeSpan>> DriveAsync(Task run)
        {
            var seen = new List<TimeSpan>();
            using var deadline = new CancellationTokenSource(Deadline);
            while (true)
            {
                var next = _waits.Reader.ReadAsync(deadline.Token).AsTask();
                if (await Task.WhenAny(next, run) == run && !next.IsCompleted)
                {
                    return seen;
                }

                var wait = await next;
                seen.Add(wait);
                Advance(wait);
            }
        }
    }
}
