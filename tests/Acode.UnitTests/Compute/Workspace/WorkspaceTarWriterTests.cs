using System.Formats.Tar;
using Acode.Application.Compute;
using Acode.Application.Compute.Workspace;
using Acode.Infrastructure.Compute.Workspace;

namespace Acode.UnitTests.Compute.Workspace;

public sealed class WorkspaceTarWriterTests : IDisposable
{
    private const int Size = 1024 * 1024;
    private readonly string _root = Directory.CreateTempSubdirectory("acode-tar-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_file_that_changes_while_read_is_sent_again_whole()
    {
        var path = Write('a');
        var changes = 0;
        using var output = new TripwireStream(Size / 2, () =>
        {
            if (changes++ == 0)
            {
                Rewrite(path, 'b', new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc));
            }
        });

        var (bytes, files) = await WorkspaceTarWriter.WriteAsync(output, Set(), preserveModes: true, checksums: null, CancellationToken.None);

        var entries = await ReadAsync(output.ToArray());
        Assert.Equal((Size, 1), (bytes, files));
        Assert.Equal(2, entries.Count);
        Assert.Equal(new string('b', Size), entries[^1]); // tar keeps the last copy, the whole new content
    }

    [Fact]
    public async Task A_file_that_keeps_changing_fails_the_upload_naming_it()
    {
        var path = Write('a');
        var turn = 0;
        using var output = new TripwireStream(Size / 2, () => Rewrite(path, (char)('b' + turn), new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(turn++)));

        var error = await Assert.ThrowsAsync<TransferFailedException>(() => WorkspaceTarWriter.WriteAsync(output, Set(), preserveModes: true, checksums: null, CancellationToken.None));

        Assert.Contains($"{path} changed while it was being read, twice", error.Message, StringComparison.Ordinal);
    }

    private WorkspaceFileSet Set() => new() { Root = _root, Entries = [new WorkspaceEntry("data.txt", WorkspaceEntryKind.File, Size)] };

    private string Write(char fill)
    {
        var path = Path.Combine(_root, "data.txt");
        File.WriteAllText(path, new string(fill, Size));
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        return path;
    }

    private static void Rewrite(string path, char fill, DateTime stamp)
    {
        File.WriteAllText(path, new string(fill, Size));
        File.SetLastWriteTimeUtc(path, stamp);
    }

    private static async Task<List<string>> ReadAsync(byte[] archive)
    {
        var texts = new List<string>();
        await using var reader = new TarReader(new MemoryStream(archive));
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            using var text = new StreamReader(entry.DataStream!);
            texts.Add(await text.ReadToEndAsync());
        }

        return texts;
    }

    // A memory stream that calls back each time another `every` bytes have been written through it.
    private sealed class TripwireStream(int every, Action tripped) : MemoryStream
    {
        private long _next = every;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            base.Write(buffer);
            Check();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            base.Write(buffer, offset, count);
            Check();
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await base.WriteAsync(buffer, cancellationToken);
            Check();
        }

        private void Check()
        {
            while (Length >= _next)
            {
                _next += every;
                tripped();
            }
        }
    }
}
