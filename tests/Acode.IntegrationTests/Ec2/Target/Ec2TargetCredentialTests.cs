using Acode.Application.Compute;
using Acode.Domain.Compute;
using Acode.Ec2Emulator.Auth;
using Acode.Infrastructure.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Credentials;
using Microsoft.Extensions.Logging;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>
/// AC-010 end to end: the target prepares and tears down with credentials from environment variables, from a profile
/// in temporary shared files, and from the instance role through the emulator's IMDS. The captured logs hold none of
/// the planted secret key, session token or private key (NFR-010).
/// </summary>
[Collection(AwsEnvironmentCollection.Name)]
public sealed class Ec2TargetCredentialTests(Ec2EmulatorFixture fixture) : IClassFixture<Ec2EmulatorFixture>, IDisposable
{
    private const string AccessKey = "ASIAPLANTEDKEY00TEST";
    private const string SecretKey = "PLANTED/secret+KEY/0123456789abcdefWXYZ";
    private const string SessionToken = "PLANTEDsessionTOKEN/abc+def0123456789";
    private readonly AwsEnvironmentScope _environment = new();
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose() => _environment.Dispose();

    [Fact]
    public async Task Environment_credentials_work_and_no_secret_reaches_the_logs()
    {
        fixture.Emulator.AddCredential(new EmulatorCredential { AccessKeyId = AccessKey, SecretAccessKey = SecretKey, SessionToken = SessionToken });
        AwsEnvironmentScope.Set("AWS_ACCESS_KEY_ID", AccessKey);
        AwsEnvironmentScope.Set("AWS_SECRET_ACCESS_KEY", SecretKey);
        AwsEnvironmentScope.Set("AWS_SESSION_TOKEN", SessionToken);
        var keyFolder = Directory.CreateTempSubdirectory("acode-ec2-key-");
        var keyPath = Path.Combine(keyFolder.FullName, "login.key");
        try
        {
            var privateKey = await RunLifecycleAsync(fixture.Configuration() with { PrivateKeyPath = keyPath }, AwsCredentialSource.Environment, () => File.ReadAllText(keyPath));

            Assert.False(File.Exists(keyPath), "the auto key file is deleted at teardown");
            var text = _logs.AllText;
            Assert.Contains("Ec2InstanceLaunched", text, StringComparison.Ordinal);
            Assert.DoesNotContain(SecretKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SessionToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
            foreach (var line in privateKey.Split('\n').Where(l => l.Length > 20 && !l.StartsWith("-----", StringComparison.Ordinal)))
            {
                Assert.DoesNotContain(line, text, StringComparison.Ordinal);
            }
        }
        finally
        {
            keyFolder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_named_profile_in_temporary_shared_files_works()
    {
        await File.WriteAllTextAsync(_environment.CredentialsFile, "[acode-it]\naws_access_key_id = test\naws_secret_access_key = test\n");

        await RunLifecycleAsync(fixture.Configuration() with { Profile = "acode-it" }, AwsCredentialSource.ExplicitProfile);
    }

    [Fact]
    public async Task The_instance_role_through_the_emulators_metadata_service_works()
    {
        AwsEnvironmentScope.Set("AWS_EC2_METADATA_DISABLED", null);
        AwsEnvironmentScope.Set("AWS_EC2_METADATA_SERVICE_ENDPOINT", fixture.Emulator.ImdsUrl.ToString());

        // The SDK snapshots these variables the first time any client is configured (the fixture already did):
        // a real process sets them before it starts, a test has to ask the SDK to read them again.
        Amazon.Runtime.Internal.FallbackInternalConfigurationFactory.Reset();
        try
        {
            await RunLifecycleAsync(fixture.Configuration(), AwsCredentialSource.InstanceMetadata);
            Assert.Contains(fixture.Emulator.ActionLog, entry => entry.Service == "imds" && entry.Action.Contains("security-credentials/", StringComparison.Ordinal));
        }
        finally
        {
            AwsEnvironmentScope.Set("AWS_EC2_METADATA_SERVICE_ENDPOINT", null);
            Amazon.Runtime.Internal.FallbackInternalConfigurationFactory.Reset();
        }
    }

    private async Task<string> RunLifecycleAsync(Application.Compute.Ec2.Ec2Configuration configuration, AwsCredentialSource expected, Func<string>? whileReady = null)
    {
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        var dependencies = new Ec2TargetDependencies
        {
            ModeValidator = new ModeValidator(OperatingMode.Burst),
            LoggerFactory = loggers,
            CredentialResolver = new Ec2CredentialResolver(loggers.CreateLogger<Ec2CredentialResolver>()),
            ClientFactory = new Ec2ClientFactory(null, loggers.CreateLogger<Ec2ClientFactory>()),
        };
        var target = new Ec2ComputeTargetFactory(dependencies).Create(configuration);
        await target.PrepareAsync(new WorkspaceContext());
        var captured = whileReady?.Invoke() ?? string.Empty;
        var result = await target.ExecuteAsync("echo ok");
        Assert.Equal("ok\n", result.Stdout);
        await target.TeardownAsync();

        Assert.Contains($"{expected}", _logs.AllText, StringComparison.Ordinal);
        await fixture.AssertNothingLeftAsync(target.SessionId);
        return captured;
    }
}
