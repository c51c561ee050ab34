using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Polly;
using Polly.Retry;

namespace Acode.Infrastructure.Compute.Ec2;

/// <summary>
/// acode's own retries around EC2 calls, as named Polly pipelines on the injected <see cref="TimeProvider"/>; which
/// codes count as transient is <see cref="AwsErrorCodes.Transient"/>.
/// </summary>
/// <remarks>
/// How they stack with the SDK: every attempt of a pipeline is one SDK call, and the SDK client (standard retry mode:
/// 3 attempts by default, <c>AWS_MAX_ATTEMPTS</c> or the profile's <c>max_attempts</c>) has already retried
/// throttling, 5xx and connection errors inside that call with its own jittered backoff. So a pipeline only starts
/// after the SDK gave up, and it is there for what the SDK does not retry: <c>DependencyViolation</c>, and throttling
/// that outlasts the SDK's few attempts during teardown, where giving up leaves something billing. Neither pipeline
/// gives up by itself: the caller's token bounds it (teardown and cleanup always pass a bounded one).
/// </remarks>
internal static class Ec2Pipelines
{
    /// <summary>The name of <see cref="Transient"/> (in Polly's telemetry).</summary>
    public const string TransientName = "acode-ec2-transient";

    /// <summary>The name of <see cref="SecurityGroupRelease"/> (in Polly's telemetry).</summary>
    public const string SecurityGroupReleaseName = "acode-ec2-security-group-release";

    /// <summary>The first wait of <see cref="Transient"/>, doubled each retry up to <see cref="TransientMaxDelay"/>.</summary>
    public static readonly TimeSpan TransientFirstDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait of <see cref="Transient"/>.</summary>
    public static readonly TimeSpan TransientMaxDelay = TimeSpan.FromSeconds(3);

    /// <summary>The first wait of a teardown's <see cref="SecurityGroupRelease"/>, doubled each retry.</summary>
    public static readonly TimeSpan GroupReleaseFirstDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait of a teardown's <see cref="SecurityGroupRelease"/>.</summary>
    public static readonly TimeSpan GroupReleaseMaxDelay = TimeSpan.FromSeconds(5);

    private static readonly ConditionalWeakTable<TimeProvider, ResiliencePipeline> TransientPipelines = [];

    /// <summary>Retries <see cref="AwsErrorCodes.Transient"/> codes with exponential backoff (100 ms doubling to 3 s) until the token ends it.</summary>
    public static ResiliencePipeline Transient(TimeProvider time) =>
        TransientPipelines.GetValue(time, t => Build(TransientName, t, TransientFirstDelay, TransientMaxDelay, ex => AwsErrorCodes.IsTransient(ex.ErrorCode), null));

    /// <summary>
    /// Retries deleting a security group while an instance still holds it (<c>DependencyViolation</c>, for a while after
    /// termination) or EC2 answers a transient code, with exponential backoff from <paramref name="firstDelay"/> to
    /// <paramref name="maxDelay"/>, until the token ends it. <paramref name="onRetry"/> is told the code and the wait.
    /// </summary>
    public static ResiliencePipeline SecurityGroupRelease(TimeProvider time, TimeSpan firstDelay, TimeSpan maxDelay, Action<string?, TimeSpan>? onRetry = null) =>
        Build(
            SecurityGroupReleaseName,
            time,
            firstDelay,
            maxDelay,
            ex => ex.ErrorCode == AwsErrorCodes.DependencyViolation || AwsErrorCodes.IsTransient(ex.ErrorCode),
            onRetry);

    private static ResiliencePipeline Build(
        string name, TimeProvider time, TimeSpan firstDelay, TimeSpan maxDelay, Func<AmazonServiceException, bool> handles, Action<string?, TimeSpan>? onRetry) =>
        new ResiliencePipelineBuilder { Name = name, TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle(handles),
                BackoffType = DelayBackoffType.Exponential,
                // Deterministic waits: the SDK's own retries inside each call already carry jitter.
                UseJitter = false,
                Delay = firstDelay,
                MaxDelay = maxDelay,
                MaxRetryAttempts = int.MaxValue,
                OnRetry = onRetry is null ? null : args =>
                {
                    onRetry((args.Outcome.Exception as AmazonServiceException)?.ErrorCode, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
