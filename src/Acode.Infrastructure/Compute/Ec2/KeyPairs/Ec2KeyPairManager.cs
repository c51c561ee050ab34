using Acode.Application.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Keys;
using Acode.Infrastructure.Compute.Ec2.Tagging;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2.KeyPairs;

/// <summary>
/// The login key pair (FR-015/016). Auto: an ed25519 key generated here, only its public half imported (ImportKeyPair,
/// tagged at creation), the private half kept in memory or written 0600 to <c>privateKeyPath</c>; deleted at teardown.
/// Configured: the named key pair and its private key file, never deleted.
/// </summary>
public sealed class Ec2KeyPairManager
{
    private readonly IAmazonEC2 _ec2;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="Ec2KeyPairManager"/> class.</summary>
    public Ec2KeyPairManager(IAmazonEC2 ec2, TimeProvider timeProvider, ILogger logger)
    {
        _ec2 = ec2;
        _time = timeProvider;
        _logger = logger;
    }

    /// <summary>The name acode gives the key pair it imports for a session.</summary>
    public static string AutoKeyName(string sessionId) => "acode-" + sessionId;

    /// <summary>Imports a fresh key (auto) or locates the configured one.</summary>
    /// <param name="configuration">The EC2 configuration.</param>
    /// <param name="sessionId">The session id (names the key pair).</param>
    /// <param name="tags">acode's tags for the key pair.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    public async Task<Ec2LoginKey> AcquireAsync(Ec2Configuration configuration, string sessionId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default)
    {
        if (!configuration.UsesAutoKeyPair)
        {
            return new Ec2LoginKey(configuration.KeyPairName!, null, ConfiguredKeyPath(configuration), importedByAcode: false);
        }

        var name = AutoKeyName(sessionId);
        var key = SshKeyPairGenerator.GenerateEd25519(name);
        if (configuration.PrivateKeyPath is { } path)
        {
            await SshPrivateKeyFile.WriteAsync(path, key, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await _ec2.ImportKeyPairAsync(
                new ImportKeyPairRequest
                {
                    KeyName = name,
                    // The SDK sends this field as given; the API expects the public key text base64-encoded.
                    PublicKeyMaterial = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(key.PublicKeyLine)),
                    TagSpecifications = [Ec2TagSpecifications.For(ResourceType.KeyPair, tags)],
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex)
        {
            throw Ec2Errors.Translate(ex, "ImportKeyPair");
        }

        Ec2Log.KeyPairImported(_logger, name, key.Fingerprint);
        return new Ec2LoginKey(name, configuration.PrivateKeyPath is null ? key.PrivateKeyOpenSsh : null, configuration.PrivateKeyPath, importedByAcode: true);
    }

    /// <summary>Deletes an imported key pair by name (and its 0600 file); a missing one is success.</summary>
    public async Task DeleteAsync(string keyName, string? privateKeyPath, CancellationToken cancellationToken)
    {
        try
        {
            await Ec2Retry.TransientAsync(token => _ec2.DeleteKeyPairAsync(new DeleteKeyPairRequest { KeyName = keyName }, token), _time, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex) when (Ec2Errors.IsAlreadyGone(ex))
        {
            // Already gone: the goal is reached.
        }

        if (privateKeyPath is not null)
        {
            SshPrivateKeyFile.DeleteIfExists(privateKeyPath);
        }

        Ec2Log.KeyPairDeleted(_logger, keyName);
    }

    private static string ConfiguredKeyPath(Ec2Configuration configuration)
    {
        if (configuration.PrivateKeyPath is { } path)
        {
            return path;
        }

        var ssh = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh");
        var pem = Path.Combine(ssh, configuration.KeyPairName + ".pem");
        return File.Exists(pem) ? pem : Path.Combine(ssh, configuration.KeyPairName!);
    }
}
