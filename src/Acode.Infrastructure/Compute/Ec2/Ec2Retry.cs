namespace Acode.Infrastructure.Compute.Ec2;

/// <summary>
/// acode's own retries around single EC2 calls whose outcome matters for cleanup (terminate, describe while waiting):
/// the <see cref="Ec2Pipelines.Transient"/> pipeline, until the caller's (bounded) token ends it. See
/// <see cref="Ec2Pipelines"/> for how it stacks with the SDK's retries inside each call.
/// </summary>
internal static class Ec2Retry
{
    public static async Task<T> TransientAsync<T>(Func<CancellationToken, Task<T>> call, TimeProvider time, CancellationToken cancellationToken) =>
        await Ec2Pipelines.Transient(time)
            .ExecuteAsync(static async (call, token) => await call(token).ConfigureAwait(false), call, cancellationToken)
            .ConfigureAwait(false);
}
