using System.Collections.Concurrent;

namespace Acode.Ec2Emulator.Auth;

/// <summary>The keys the emulator accepts; thread-safe.</summary>
internal sealed class CredentialStore
{
    private readonly ConcurrentDictionary<string, EmulatorCredential> _keys = new(StringComparer.Ordinal);

    public void Add(EmulatorCredential credential) => _keys[credential.AccessKeyId] = credential;

    public EmulatorCredential? Find(string accessKeyId) => _keys.TryGetValue(accessKeyId, out var c) ? c : null;

    /// <summary>Drops temporary credentials, keeping the configured long-term keys.</summary>
    public void RemoveTemporary()
    {
        foreach (var key in _keys.Where(kv => kv.Value.SessionToken is not null).Select(kv => kv.Key).ToList())
        {
            _keys.TryRemove(key, out _);
        }
    }
}
