using System.Text;
using Acode.Infrastructure.Compute.Ssh;

namespace Acode.UnitTests.Compute.Ssh;

public sealed class OutputPumpTests
{
    [Fact]
    public async Task Splits_lines_across_chunks_and_takes_the_header_out()
    {
        var lines = new List<string>();
        string? header = null;
        var pump = new OutputPump(1024, lines.Add, h => header = h);

        await pump.RunAsync(new MemoryStream(Encoding.UTF8.GetBytes("123\r\nab\r\ncd\n\nlast")), CancellationToken.None);

        Assert.Equal("123", header);
        Assert.Equal(["ab", "cd", "", "last"], lines);
        Assert.Equal("ab\r\ncd\n\nlast", pump.Text);
        Assert.False(pump.Truncated);
    }

    [Fact]
    public void Keeps_only_the_tail_when_output_exceeds_the_limit()
    {
        var pump = new OutputPump(10, null);

        for (var i = 0; i < 10_000; i++)
        {
            pump.Feed($"line{i:0000}\n");
        }

        Assert.True(pump.Truncated);
        Assert.Equal("\nline9999\n", pump.Text);
    }

    [Fact]
    public async Task Multibyte_characters_split_between_reads_are_decoded()
    {
        var bytes = Encoding.UTF8.GetBytes("héllo\n");
        var lines = new List<string>();
        var pump = new OutputPump(100, lines.Add);

        await pump.RunAsync(new OneByteStream(bytes), CancellationToken.None);

        Assert.Equal(["héllo"], lines);
    }

    private sealed class OneByteStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken);
    }
}
