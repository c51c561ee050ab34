using Acode.Application.Compute;
using Acode.Application.Compute.Ssh;
using Acode.Infrastructure.Compute.Ssh;
using Acode.IntegrationTests.Fixtures;

namespace Acode.IntegrationTests.Ssh;

public sealed class SshConnectionTests : IAsyncLifetime
{
    private readonly SshServerFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Reconnects_transparently_after_sshd_restarts()
    {
        await using var target = await SshTestTarget.PreparedAsync(_fixture.Configuration());
        var before = await target.ExecuteAsync("echo $PPID");

        await _fixture.Server.RestartAsync();
        var after = await target.ExecuteAsync("echo again");

        Assert.True(before.Succeeded);
        Assert.Equal("again\n", after.Stdout);
    }

    [Fact]
    public async Task Wrong_key_is_refused_with_a_clear_authentication_error()
    {
        var other = await SshKeys.GenerateAsync(_fixture.Server.Folder, "stranger");
        var configuration = _fixture.Configuration() with { PrivateKeyPath = null, PrivateKey = other.PrivateKeyText };

        var error = await Assert.ThrowsAsync<SshAuthenticationException>(() => new SshComputeTarget(configuration).PrepareAsync(new WorkspaceContext()));

        Assert.Contains($"{_fixture.Server.User}@{_fixture.Server.Host}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_key_mismatch_is_refused_showing_both_fingerprints()
    {
        var configuration = _fixture.Configuration() with { ExpectedHostKeyFingerprint = _fixture.Server.ClientKeys.Fingerprint };

        var error = await Assert.ThrowsAsync<HostKeyMismatchException>(() => SshComputeTarget.ProbeAsync(configuration));

        Assert.Equal(_fixture.Server.ClientKeys.Fingerprint, error.ExpectedFingerprint);
        Assert.Equal(_fixture.Server.HostKeys.Fingerprint, error.ActualFingerprint);
        Assert.Contains(error.ExpectedFingerprint!, error.Message, StringComparison.Ordinal);
        Assert.Contains(error.ActualFingerprint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Known_hosts_and_trust_on_first_use_policies()
    {
        var knownHosts = Path.Combine(_fixture.Server.Folder, "known_hosts");
        var strict = _fixture.Configuration() with { HostKeyPolicy = SshHostKeyPolicy.KnownHostsFile, KnownHostsPath = knownHosts };
        var tofu = strict with { HostKeyPolicy = SshHostKeyPolicy.TrustOnFirstUse };

        var unknown = await Assert.ThrowsAsync<HostKeyMismatchException>(() => SshComputeTarget.ProbeAsync(strict));
        var first = await SshComputeTarget.ProbeAsync(tofu);
        var second = await SshComputeTarget.ProbeAsync(strict);

        Assert.Null(unknown.ExpectedFingerprint);
        Assert.Equal(_fixture.Server.HostKeys.Fingerprint, first.HostKeyFingerprint);
        Assert.Equal(_fixture.Server.HostKeys.Fingerprint, second.HostKeyFingerprint);
        Assert.StartsWith("SSH-2.0-OpenSSH", second.ServerVersion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_of_a_port_nobody_listens_on_is_a_connection_error()
    {
        var configuration = _fixture.Configuration() with { Host = LoopbackAddress.Next(), ConnectTimeout = TimeSpan.FromSeconds(5) };

        await Assert.ThrowsAsync<SshConnectionException>(() => SshComputeTarget.ProbeAsync(configuration));
    }

    [Fact]
    public async Task Factory_from_dependency_injection_creates_ssh_targets()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Acode.Infrastructure.Compute.ComputeServiceCollectionExtensions.AddAcodeCompute(services, o => o.GetEnvironmentVariable = _ => null);
        await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var factory = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetServices<IComputeTargetFactory>(provider).Single(f => f.TargetType == "ssh");

        await using var target = await factory.CreateAsync(_fixture.Configuration());
        await target.PrepareAsync(new WorkspaceContext());
        var result = await target.ExecuteAsync("echo hi");

        Assert.Equal("hi\n", result.Stdout);
        Assert.False(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IModeValidator>(provider).IsCloudAllowed());
    }

    [Fact]
    public void Dependency_injection_resolves_the_mode_from_environment_over_config()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Acode.Infrastructure.Compute.ComputeServiceCollectionExtensions.AddAcodeCompute(services, o =>
        {
            o.ConfigMode = "local-only";
            o.GetEnvironmentVariable = name => name == "ACODE_MODE" ? "Burst" : null;
        });
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var validator = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IModeValidator>(provider);

        Assert.Equal(Acode.Domain.Compute.OperatingMode.Burst, validator.CurrentMode);
        Assert.Same(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<InMemoryEventPublisher>(provider),
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IEventPublisher>(provider));
    }

    [Fact]
    public async Task Passphrase_protected_key_in_memory_works_and_a_wrong_passphrase_is_a_configuration_error()
    {
        const string passphrase = "correct horse battery staple";
        var keys = await SshKeys.GenerateAsync(_fixture.Server.Folder, "with-passphrase", passphrase);
        await _fixture.Server.AuthorizeAsync(keys.PublicKey);
        var configuration = _fixture.Configuration() with { PrivateKeyPath = null, PrivateKey = keys.PrivateKeyText, Passphrase = passphrase };

        var probe = await SshComputeTarget.ProbeAsync(configuration);
        var error = await Assert.ThrowsAsync<InvalidConfigurationException>(() => SshComputeTarget.ProbeAsync(configuration with { Passphrase = "wrong" }));

        Assert.Equal(_fixture.Server.HostKeys.Fingerprint, probe.HostKeyFingerprint);
        Assert.StartsWith("ssh.privateKey:", Assert.Single(error.Errors), StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Using_a_target_before_prepare_is_a_clear_error()
    {
        await using var target = new SshComputeTarget(_fixture.Configuration());

        var error = await Assert.ThrowsAsync<TargetNotReadyException>(() => target.ExecuteAsync("true"));

        Assert.Contains("PrepareAsync", error.Message, StringComparison.Ordinal);
    }
}
