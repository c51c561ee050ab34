using Acode.Infrastructure.Compute.Ec2.Keys;

namespace Acode.UnitTests.Compute.Ec2.Infrastructure;

public sealed class SshPrivateKeyFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("acode-keyfile-").FullName;

    [Fact]
    public async Task The_file_is_created_owner_only_and_holds_the_key()
    {
        var pair = SshKeyPairGenerator.GenerateEd25519("k");
        var path = Path.Combine(_folder, "id_ed25519");

        await SshPrivateKeyFile.WriteAsync(path, pair);

        Assert.Equal(pair.PrivateKeyOpenSsh, await File.ReadAllTextAsync(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task An_existing_file_is_not_overwritten()
    {
        var path = Path.Combine(_folder, "existing");
        await File.WriteAllTextAsync(path, "other");

        await Assert.ThrowsAsync<IOException>(() => SshPrivateKeyFile.WriteAsync(path, SshKeyPairGenerator.GenerateEd25519("k")));
        Assert.Equal("other", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Delete_is_idempotent()
    {
        var path = Path.Combine(_folder, "gone");
        await SshPrivateKeyFile.WriteAsync(path, SshKeyPairGenerator.GenerateEd25519("k"));

        SshPrivateKeyFile.DeleteIfExists(path);
        SshPrivateKeyFile.DeleteIfExists(path);
        SshPrivateKeyFile.DeleteIfExists(Path.Combine(_folder, "no-such-folder", "key"));

        Assert.False(File.Exists(path));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
