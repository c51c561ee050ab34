using System.Text;

namespace Acode.Infrastructure.Compute.Ssh;

/// <summary>
/// Reads one output stream of a remote command to its end: decodes UTF-8, hands every line to a callback as it
/// arrives, and keeps only the last <c>maxChars</c> characters, so an output of any size needs bounded memory.
/// Optionally consumes the first line itself (the wrapper's process group id) and reports it separately.
/// </summary>
internal sealed class OutputPump
{
    private const int MaxLineChars = 1024 * 1024;
    private readonly int _maxChars;
    private readonly Action<string>? _onLine;
    private readonly Action<string>? _onHeaderLine;
    private readonly StringBuilder _captured = new();
    private readonly StringBuilder _line = new();
    private bool _headerPending;

    public OutputPump(int maxChars, Action<string>? onLine, Action<string>? onHeaderLine = null)
    {
        _maxChars = Math.Max(0, maxChars);
        _onLine = onLine;
        _onHeaderLine = onHeaderLine;
        _headerPending = onHeaderLine is not null;
    }

    /// <summary>True when more than the capture limit was produced and the beginning was dropped.</summary>
    public bool Truncated { get; private set; }

    /// <summary>The captured text (the tail when <see cref="Truncated"/>).</summary>
    public string Text
    {
        get
        {
            Trim(_maxChars);
            return _captured.ToString();
        }
    }

    /// <summary>Pumps <paramref name="stream"/> until it ends.</summary>
    public async Task RunAsync(Stream stream, CancellationToken cancellationToken)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        int read;
        while ((read = await stream.ReadAsync(bytes, cancellationToken).ConfigureAwait(false)) > 0)
        {
            var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            Feed(chars.AsSpan(0, count));
        }

        var tail = decoder.GetChars([], 0, 0, chars, 0, flush: true);
        Feed(chars.AsSpan(0, tail));
        if (_line.Length > 0)
        {
            EmitLine();
        }
    }

    /// <summary>Feeds decoded text (exposed for unit tests).</summary>
    internal void Feed(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var newline = text.IndexOf('\n');
            var segment = newline < 0 ? text : text[..newline];
            if (!_headerPending)
            {
                Capture(newline < 0 ? segment : text[..(newline + 1)]);
            }

            if (_onLine is not null || _headerPending)
            {
                var room = MaxLineChars - _line.Length;
                _line.Append(segment.Length <= room ? segment : segment[..Math.Max(0, room)]);
            }

            if (newline < 0)
            {
                return;
            }

            EmitLine();
            text = text[(newline + 1)..];
        }
    }

    private void EmitLine()
    {
        if (_line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }

        var line = _line.ToString();
        _line.Clear();
        if (_headerPending)
        {
            _headerPending = false;
            _onHeaderLine!(line);
            return;
        }

        _onLine?.Invoke(line);
    }

    private void Capture(ReadOnlySpan<char> text)
    {
        _captured.Append(text);

        // Trimming only when twice the limit keeps the cost amortised O(1) per character.
        if (_captured.Length > 2 * Math.Max(_maxChars, 4096))
        {
            Trim(_maxChars);
        }
    }

    private void Trim(int limit)
    {
        if (_captured.Length > limit)
        {
            _captured.Remove(0, _captured.Length - limit);
            Truncated = true;
        }
    }
}
