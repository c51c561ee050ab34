using System.Collections.Concurrent;

namespace Acode.Ec2Emulator.Control;

/// <summary>The log of calls, newest last; bounded so a long benchmark cannot exhaust memory.</summary>
internal sealed class ActionLog
{
    private const int Capacity = 100_000;
    private readonly ConcurrentQueue<ActionLogEntry> _entries = new();

    public void Add(ActionLogEntry entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
            // Dropping the oldest.
        }
    }

    public IReadOnlyList<ActionLogEntry> Snapshot() => [.. _entries];

    public void Clear() => _entries.Clear();
}
