using System.Security.Cryptography;
using Acode.Application.Compute;
using Acode.IntegrationTests.Fixtures;

namespace Acode.IntegrationTests.Ssh;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SshTransferTests : IClassFixture<SshServerFixture>, IDisposable
{
    private readonly SshServerFixture _fixture;
    private readonly string _local = Directory.CreateTempSubdirectory("acode-transfer-").FullName;

    public SshTransferTests(SshServerFixture fixture) => _fixture = fixture;

    public void Dispose() => Directory.Delete(_local, recursive: true);

    [Fact]
    public async Task A_50_MB_file_round_trips_with_checksum_and_mode()
    {
        await using var target = await SshTestTarget.PreparedAsync(_fixture.Configuration());
        var source = Path.Combine(_local, "big.bin");
        var data = RandomNumberGenerator.GetBytes(50 * 1024 * 1024);
        await File.WriteAllBytesAsync(source, data);
        File.SetUnixFileMode(source, (UnixFileMode)0x1E8); // 0750

        var up = await target.UploadAsync(source, "nested/dir/big.bin", new TransferOptions { VerifyChecksum = true });
        var back = Path.Combine(_local, "back", "big.bin");
        var down = await target.DownloadAsync("nested/dir/big.bin", back, new TransferOptions { VerifyChecksum = true });

        Assert.Equal((data.Length, 1, true), (up.Bytes, up.Files, up.Verified));
        Assert.Equal((data.Length, 1, true), (down.Bytes, down.Files, down.Verified));
        Assert.Equal(SHA256.HashData(data), SHA256.HashData(await File.ReadAllBytesAsync(back)));
        Assert.Equal((UnixFileMode)0x1E8, File.GetUnixFileMode(back));
        var remoteMode = await target.ExecuteAsync("stat -c %a nested/dir/big.bin");
        Assert.Equal("750\n", remoteMode.Stdout);
    }

    [Fact]
    public async Task A_1000_file_tree_round_trips_with_checksums_and_modes()
    {
        await using var target = await SshTestTarget.PreparedAsync(_fixture.Configuration());
        var tree = Path.Combine(_local, "tree");
        for (var i = 0; i < 1000; i++)
        {
            var folder = Path.Combine(tree, $"d{i % 10}", $"sub {i % 7}");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"f'{i}.txt");
            await File.WriteAllBytesAsync(file, RandomNumberGenerator.GetBytes(i % 5 == 0 ? 0 : 100 + i));
            if (i % 3 == 0)
            {
                File.SetUnixFileMode(file, (UnixFileMode)0x1ED); // 0755
            }
        }

        var up = await target.UploadAsync(tree, "tree", new TransferOptions { VerifyChecksum = true });
        var back = Path.Combine(_local, "back");
        var down = await target.DownloadAsync("tree", back, new TransferOptions { VerifyChecksum = true });

        Assert.Equal((1000, true), (up.Files, up.Verified));
        Assert.Equal((1000, true), (down.Files, down.Verified));
        Assert.Equal(up.Bytes, down.Bytes);
        foreach (var file in Directory.EnumerateFiles(tree, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(back, Path.GetRelativePath(tree, file));
            Assert.Equal(await File.ReadAllBytesAsync(file), await File.ReadAllBytesAsync(copy));
            Assert.Equal(File.GetUnixFileMode(file), File.GetUnixFileMode(copy));
        }
    }

    [Fact]
    public async Task Prepare_uploads_the_workspace_and_teardown_removes_it_idempotently()
    {
        var workspace = Path.Combine(_local, "ws");
        Directory.CreateDirectory(Path.Combine(workspace, "src"));
        await File.WriteAllTextAsync(Path.Combine(workspace, "src", "main.c"), "int main(void) { return 0; }\n");
        await File.WriteAllTextAsync(Path.Combine(workspace, "Makefile"), "all:\n");
        var target = new Acode.Infrastructure.Compute.Ssh.SshComputeTarget(_fixture.Configuration());

        var prepared = await target.PrepareAsync(new WorkspaceContext { LocalRoot = workspace });
        var listing = await target.ExecuteAsync("find . -type f | sort");
        await target.TeardownAsync();
        await target.TeardownAsync();
        await target.DisposeAsync();

        Assert.Equal(2, prepared.FilesUploaded);
        Assert.Equal("./Makefile\n./src/main.c\n", listing.Stdout);
        Assert.Equal(Acode.Domain.Compute.ComputeTargetState.Terminated, target.State);
        Assert.False(Directory.Exists(prepared.RemoteRoot), "the fixture's sshd runs on this machine, so the remote root is a local path");
        var error = await Assert.ThrowsAsync<TargetNotReadyException>(() => target.ExecuteAsync("true"));
        Assert.Contains("torn down", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keep_on_teardown_leaves_the_workspace()
    {
        var target = new Acode.Infrastructure.Compute.Ssh.SshComputeTarget(_fixture.Configuration());
        var prepared = await target.PrepareAsync(new WorkspaceContext { KeepOnTeardown = true });
        await target.ExecuteAsync("echo kept > file");
        await target.DisposeAsync();

        Assert.Equal("kept\n", await File.ReadAllTextAsync(Path.Combine(prepared.RemoteRoot, "file")));
        Directory.Delete(prepared.RemoteRoot, recursive: true);
    }

    [Fact]
    public async Task Trees_fall_back_to_sftp_when_the_remote_has_no_tar()
    {
        await using var target = await SshTestTarget.PreparedAsync(_fixture.Configuration());
        target.Transfer.RemoteHasTar = false;
        var tree = Path.Combine(_local, "sftp-tree");
        Directory.CreateDirectory(Path.Combine(tree, "a", "b"));
        await File.WriteAllTextAsync(Path.Combine(tree, "top.sh"), "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(tree, "top.sh"), (UnixFileMode)0x1ED); // 0755
        await File.WriteAllBytesAsync(Path.Combine(tree, "a", "b", "data.bin"), RandomNumberGenerator.GetBytes(300_000));

        var up = await target.UploadAsync(tree, "sftp-tree");
        var back = Path.Combine(_local, "sftp-back");
        var down = await target.DownloadAsync("sftp-tree", back);

        Assert.Equal((2, 300_010L), (up.Files, up.Bytes));
        Assert.Equal((2, 300_010L), (down.Files, down.Bytes));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(tree, "a", "b", "data.bin")), await File.ReadAllBytesAsync(Path.Combine(back, "a", "b", "data.bin")));
        Assert.Equal((UnixFileMode)0x1ED, File.GetUnixFileMode(Path.Combine(back, "top.sh")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_workspace_goes_up_without_ignored_files_and_with_links_as_links(bool remoteHasTar)
    {
        var workspace = Path.Combine(_local, "project");
        var outside = Path.Combine(_local, "outside");
        Directory.CreateDirectory(Path.Combine(workspace, "src"));
        Directory.CreateDirectory(Path.Combine(workspace, "bin"));
        Directory.CreateDirectory(outside);
        await File.WriteAllTextAsync(Path.Combine(outside, "private.txt"), "not the workspace's");
        await File.WriteAllTextAsync(Path.Combine(workspace, ".gitignore"), "bin/\n*.log\n");
        await File.WriteAllTextAsync(Path.Combine(workspace, "src", "main.c"), "int main(void) { return 0; }\n");
        await File.WriteAllTextAsync(Path.Combine(workspace, "bin", "app"), "built");
        await File.WriteAllTextAsync(Path.Combine(workspace, "run.log"), "log");
        await File.WriteAllTextAsync(Path.Combine(workspace, ".env"), "TOKEN=x");
        Directory.CreateSymbolicLink(Path.Combine(workspace, "elsewhere"), outside);
        File.CreateSymbolicLink(Path.Combine(workspace, "src", "entry.c"), "main.c");
        var target = new Acode.Infrastructure.Compute.Ssh.SshComputeTarget(_fixture.Configuration());
        target.Transfer.RemoteHasTar = remoteHasTar;
        await using var _ = target;

        var prepared = await target.PrepareAsync(new WorkspaceContext { LocalRoot = workspace });
        var listing = await target.ExecuteAsync("find . \\( -type f -o -type l \\) -printf '%y %p %l\\n' | sort");

        Assert.Equal("f ./.gitignore \nf ./src/main.c \nl ./elsewhere " + outside + "\nl ./src/entry.c main.c\n", listing.Stdout);
        Assert.Equal(4, prepared.FilesUploaded);
    }
}
