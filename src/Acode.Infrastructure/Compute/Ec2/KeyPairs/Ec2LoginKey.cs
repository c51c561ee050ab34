namespace Acode.Infrastructure.Compute.Ec2.KeyPairs;

/// <summary>
/// The key acode logs in with: the EC2 key pair name the instance is launched with and the private half, in memory
/// (<see cref="PrivateKey"/>) or on disk (<see cref="PrivateKeyPath"/>). A class so no generated text shows the key.
/// </summary>
public sealed class Ec2LoginKey
{
    /// <summary>Initializes a new instance of the <see cref="Ec2LoginKey"/> class.</summary>
    public Ec2LoginKey(string keyName, string? privateKey, string? privateKeyPath, bool importedByAcode)
    {
        KeyName = keyName;
        PrivateKey = privateKey;
        PrivateKeyPath = privateKeyPath;
        ImportedByAcode = importedByAcode;
    }

    /// <summary>Gets the EC2 key pair name.</summary>
    public string KeyName { get; }

    /// <summary>Gets the private key text when it is kept in memory. Secret.</summary>
    public string? PrivateKey { get; }

    /// <summary>Gets the private key file.</summary>
    public string? PrivateKeyPath { get; }

    /// <summary>Gets a value indicating whether acode imported the key pair (and so deletes it at teardown).</summary>
    public bool ImportedByAcode { get; }

    /// <summary>Names the key pair only.</summary>
    public override string ToString() => $"key pair {KeyName}";
}
