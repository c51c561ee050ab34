using System.Collections.Concurrent;

namespace Acode.Infrastructure.Compute.Ec2.Pricing;

/// <summary>
/// Values looked up from AWS, kept for a while on a <see cref="TimeProvider"/>. Two callers missing at once may both
/// look up; the later result wins. Thread-safe.
/// </summary>
internal sealed class ExpiringCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset ExpiresAt)> _entries = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public ExpiringCache(TimeProvider time, TimeSpan lifetime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        _time = time;
        _lifetime = lifetime;
    }

    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > _time.GetUtcNow())
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value) => _entries[key] = (value, _time.GetUtcNow() + _lifetime);

    public async Task<TValue> GetOrAddAsync(TKey key, Func<CancellationToken, Task<TValue>> lookup, CancellationToken cancellationToken)
    {
        if (TryGet(key, out var cached))
        {
            return cached;
        }

        var value = await lookup(cancellationToken).ConfigureAwait(false);
        Set(key, value);
        return value;
    }
}
