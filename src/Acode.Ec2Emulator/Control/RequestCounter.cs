using System.Collections.Concurrent;

namespace Acode.Ec2Emulator.Control;

/// <summary>
/// Counts the API and metadata requests received (not the control API's own), in total and by URL path, so that a
/// test can prove a command sent nothing: a client pointed at <c>http://127.0.0.1:PORT/some-case/</c> is counted under
/// <c>/some-case/</c>.
/// </summary>
internal sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, long> _byPath = new(StringComparer.Ordinal);
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    public void Add(string path)
    {
        Interlocked.Increment(ref _total);
        _byPath.AddOrUpdate(path, 1, (_, count) => count + 1);
    }

    public IReadOnlyDictionary<string, long> ByPath() => new Dictionary<string, long>(_byPath, StringComparer.Ordinal);

    public void Clear()
    {
        _byPath.Clear();
        Interlocked.Exchange(ref _total, 0);
    }
}
