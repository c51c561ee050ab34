using Amazon.Runtime;

namespace Acode.Infrastructure.Compute.Ec2;

/// <summary>
/// acode's own retries around single EC2 calls whose outcome matters for cleanup (terminate, describe while waiting):
/// throttling and server faults are retried with exponential backoff until the caller's (bounded) token ends it. The
/// SDK's standard mode has already retried a few times inside each call.
/// </summary>
internal static class Ec2Retry
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(3);

    public static async Task<T> TransientAsync<T>(Func<CancellationToken, Task<T>> call, TimeProvider time, CancellationToken cancellationToken)
    {
        var backoff = FirstBackoff;
        while (true)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonServiceException ex) when (AwsErrorCodes.IsTransient(ex.ErrorCode) && !cancellationToken.IsCancellationRequested)
            {
                // Fall through to the backoff.
            }

            await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }
}
