using System.Security.Cryptography;

namespace Acode.Infrastructure.Compute.Workspace;

/// <summary>
/// Exactly <see cref="Length"/> bytes of a file as measured before reading, so a tar header written up front stays
/// true however the file changes meanwhile (a short file is padded; the caller's after-read check then finds the
/// change and sends the file again). Hashes what it hands out.
/// </summary>
internal sealed class SnapshotStream(Stream inner, long length, IncrementalHash? hash) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true; // TarWriter asks a seekable stream for its length instead of buffering it

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, length - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        var read = inner.Read(buffer[..wanted]);
        if (read == 0)
        {
            buffer[..wanted].Clear(); // the file shrank: pad; the after-read check sends it again
            read = wanted;
        }

        hash?.AppendData(buffer[..read]);
        _position += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var wanted = (int)Math.Min(buffer.Length, length - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        var read = await inner.ReadAsync(buffer[..wanted], cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            buffer.Span[..wanted].Clear();
            read = wanted;
        }

        hash?.AppendData(buffer.Span[..read]);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) =>
        origin == SeekOrigin.Current && offset == 0 ? _position : throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
