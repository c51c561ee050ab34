using System.Text;

namespace Acode.Infrastructure.Compute.Ec2.Keys;

/// <summary>
/// Writes private keys to disk the safe way: the file is created with mode 0600 by the <c>open</c> call itself, so
/// there is no moment at which another user could read it (a write followed by <c>chmod</c> would leave one).
/// </summary>
public static class SshPrivateKeyFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> (which must not exist yet) holding the key pair's private key.</summary>
    /// <param name="path">The file to create; its folder must exist.</param>
    /// <param name="keyPair">The key pair whose private half is written.</param>
    /// <param name="cancellationToken">Cancels the write; a partly written file is deleted.</param>
    /// <exception cref="IOException">The file already exists (an existing file could carry looser permissions).</exception>
    public static async Task WriteAsync(string path, GeneratedKeyPair keyPair, CancellationToken cancellationToken = default)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            // The umask can only remove bits, so 0600 stays 0600.
            options.UnixCreateMode = OwnerReadWrite;
        }

        try
        {
            var stream = new FileStream(path, options);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(keyPair.PrivateKeyOpenSsh), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            DeleteIfExists(path);
            throw;
        }
    }

    /// <summary>Deletes a key file written by <see cref="WriteAsync"/>; a missing file is success (idempotent teardown).</summary>
    public static void DeleteIfExists(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone together with its folder: nothing left to remove.
        }
    }
}
