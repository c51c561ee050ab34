using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ssh;
using Acode.Infrastructure.Configuration;

namespace Acode.UnitTests.Compute.Ssh;

/// <summary>The <c>sshTarget:</c> block of <c>.acode/config.yml</c>: bound onto <see cref="SshTargetConfiguration"/>, every problem named.</summary>
public sealed class SshTargetYamlTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public void A_full_block_binds_with_a_pinned_host_key()
    {
        var file = AcodeConfigLoader.Parse("""
            sshTarget:
              host: build.example.com
              port: 2222
              user: dev
              privateKeyPath: /home/dev/.ssh/id_ed25519
              hostKeyFingerprint: SHA256:abc
              remoteRoot: /srv/acode
            """, NoEnvironment);

        var ssh = Assert.IsType<SshTargetConfiguration>(file.SshTarget);
        Assert.Equal(("build.example.com", 2222, "dev", "/home/dev/.ssh/id_ed25519"), (ssh.Host, ssh.Port, ssh.Username, ssh.PrivateKeyPath));
        Assert.Equal(SshHostKeyPolicy.ExpectedFingerprint, ssh.HostKeyPolicy);
        Assert.Equal("SHA256:abc", ssh.ExpectedHostKeyFingerprint);
        Assert.Equal("/srv/acode", ssh.WorkspaceRoot);
        Assert.Empty(ssh.Validate());
        Assert.Null(file.Ec2Target);
    }

    [Fact]
    public void Defaults_are_port_22_and_known_hosts_or_trust_on_first_use()
    {
        var known = AcodeConfigLoader.Parse("sshTarget:\n  host: h\n  user: u\n  privateKeyPath: /k\n  knownHostsFile: /kh\n", NoEnvironment).SshTarget!;
        var trust = AcodeConfigLoader.Parse("sshTarget:\n  host: h\n  user: u\n  privateKeyPath: /k\n  trustOnFirstUse: true\n", NoEnvironment).SshTarget!;

        Assert.Equal((22, SshHostKeyPolicy.KnownHostsFile, "/kh"), (known.Port, known.HostKeyPolicy, known.KnownHostsPath));
        Assert.Equal(SshTargetConstants.DefaultWorkspaceRoot, known.WorkspaceRoot);
        Assert.Equal(SshHostKeyPolicy.TrustOnFirstUse, trust.HostKeyPolicy);
    }

    [Fact]
    public void A_bad_block_reports_every_problem_with_its_path()
    {
        var error = Assert.Throws<Ec2ConfigurationException>(() => AcodeConfigLoader.Parse("""
            sshTarget:
              hots: build.example.com
              port: 70000
              hostKeyFingerprint: MD5:aa
            """, NoEnvironment));

        Assert.Contains(error.Errors, e => e.StartsWith("sshTarget.hots: is not a known key (did you mean host?)", StringComparison.Ordinal));
        Assert.Contains("sshTarget.host: is required", error.Errors);
        Assert.Contains("sshTarget.user: is required", error.Errors);
        Assert.Contains("sshTarget.privateKeyPath: is required", error.Errors);
        Assert.Contains(error.Errors, e => e.StartsWith("sshTarget.port: must be between 1 and 65535", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("sshTarget.hostKeyFingerprint: must be SHA256:", StringComparison.Ordinal));
    }
}
