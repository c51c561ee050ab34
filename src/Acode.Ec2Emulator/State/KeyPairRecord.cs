namespace Acode.Ec2Emulator.State;

/// <summary>A key pair: its public half (OpenSSH line) and the fingerprint EC2 reports.</summary>
internal sealed class KeyPairRecord
{
    public required string KeyPairId { get; init; }
    public required string KeyName { get; init; }
    public required string KeyType { get; init; }
    public required string Fingerprint { get; init; }
    public required string PublicKey { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
