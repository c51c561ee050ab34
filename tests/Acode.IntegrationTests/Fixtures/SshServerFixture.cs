using Acode.Application.Compute.Ssh;

namespace Acode.IntegrationTests.Fixtures;

/// <summary>An xunit class fixture owning one <see cref="SshServer"/> for a test class.</summary>
public sealed class SshServerFixture : IAsyncLifetime
{
    private SshServer? _server;

    /// <summary>The running server.</summary>
    public SshServer Server => _server ?? throw new InvalidOperationException("fixture not initialised");

    /// <summary>A configuration that reaches the server with its client key and pinned host key.</summary>
    public SshTargetConfiguration Configuration() => new()
    {
        Host = Server.Host,
        Port = Server.Port,
        Username = Server.User,
        PrivateKeyPath = Server.ClientKeys.PrivateKeyPath,
        HostKeyPolicy = SshHostKeyPolicy.ExpectedFingerprint,
        ExpectedHostKeyFingerprint = Server.HostKeys.Fingerprint,
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };

    public async Task InitializeAsync() => _server = await SshServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
