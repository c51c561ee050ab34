using Acode.Application.Compute;
using Acode.Application.Compute.Ssh;
using Acode.Infrastructure.Compute.Ssh;

namespace Acode.UnitTests.Compute.Ssh;

public sealed class SshTargetConfigurationTests
{
    private static SshTargetConfiguration Valid => new()
    {
        Host = "10.0.0.5",
        Username = "ec2-user",
        PrivateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nsecretbody\n-----END OPENSSH PRIVATE KEY-----",
        Passphrase = "hunter2",
        HostKeyPolicy = SshHostKeyPolicy.ExpectedFingerprint,
        ExpectedHostKeyFingerprint = "SHA256:abc",
    };

    [Fact]
    public void A_valid_configuration_has_no_errors_and_defaults_from_constants()
    {
        Assert.Empty(Valid.Validate());
        Assert.Equal(SshTargetConstants.DefaultPort, Valid.Port);
        Assert.Equal(SshTargetConstants.DefaultWorkspaceRoot, Valid.WorkspaceRoot);
        Assert.Equal("ssh", Valid.TargetType);
    }

    [Fact]
    public void Validation_reports_every_problem_with_its_field()
    {
        var broken = Valid with { Host = "", Port = 0, PrivateKey = null, ExpectedHostKeyFingerprint = "abc", ConnectTimeout = TimeSpan.Zero };

        var errors = broken.Validate();

        Assert.Equal(["ssh.host", "ssh.port", "ssh.privateKey", "ssh.expectedHostKeyFingerprint", "ssh.connectTimeout"], errors.Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Throws<InvalidConfigurationException>(() => new SshComputeTarget(broken));
    }

    [Fact]
    public void ToString_never_prints_key_material_or_passphrase()
    {
        var text = Valid.ToString();

        Assert.DoesNotContain("secretbody", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains("ec2-user@10.0.0.5:22", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Factory_refuses_a_configuration_of_another_type()
    {
        var factory = new SshComputeTargetFactory(TimeProvider.System);

        await Assert.ThrowsAsync<InvalidConfigurationException>(() => factory.CreateAsync(new OtherConfiguration()));
    }

    private sealed record OtherConfiguration : ComputeTargetConfiguration
    {
        public override string TargetType => "other";
    }
}
