using System.Text;
using Acode.Ec2Emulator.Machines;

namespace Acode.Ec2EmulatorTests.Machines;

public sealed class UserDataTests
{
    [Fact]
    public void A_shebang_script_is_one_script()
    {
        var userData = UserData.Parse("#!/bin/bash\necho hi\n");

        Assert.Equal(["#!/bin/bash\necho hi\n"], userData.Scripts);
        Assert.Empty(userData.Config.SshKeys);
    }

    [Fact]
    public void Cloud_config_keeps_known_host_key_names_and_reads_the_console_switch()
    {
        var userData = UserData.Parse("""
            #cloud-config
            ssh_keys:
              ed25519_private: |
                -----BEGIN OPENSSH PRIVATE KEY-----
                abc
                -----END OPENSSH PRIVATE KEY-----
              ed25519_public: ssh-ed25519 AAAA root@x
              dsa_private: ignored
              ed25519-sk_private: ignored
            ssh:
              emit_keys_to_console: false
            """);

        Assert.Empty(userData.Scripts);
        Assert.Equal(["ed25519_private", "ed25519_public"], userData.Config.SshKeys.Keys.Order());
        Assert.Equal("-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n", userData.Config.SshKeys["ed25519_private"]);
        Assert.Equal(["ed25519"], userData.Config.HostKeyTypes);
        Assert.False(userData.Config.EmitKeysToConsole);
    }

    [Fact]
    public void Multipart_parts_are_typed_by_content_type_and_base64_is_decoded()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("#!/bin/sh\necho two\n"));
        var userData = UserData.Parse(
            "Content-Type: multipart/mixed;\r\n boundary=\"==BOUNDARY==\"\r\nMIME-Version: 1.0\r\n\r\n" +
            "--==BOUNDARY==\r\nContent-Type: text/x-shellscript\r\n\r\n#!/bin/sh\necho one\r\n" +
            "--==BOUNDARY==\r\nContent-Type: text/cloud-config\r\n\r\n#cloud-config\nssh_authorized_keys:\n  - ssh-ed25519 AAAA k\r\n" +
            $"--==BOUNDARY==\r\nContent-Type: text/x-shellscript\r\nContent-Transfer-Encoding: base64\r\n\r\n{encoded}\r\n" +
            "--==BOUNDARY==\r\nContent-Type: text/plain\r\n\r\njust words\r\n" +
            "--==BOUNDARY==--\r\n");

        Assert.Equal(["#!/bin/sh\necho one", "#!/bin/sh\necho two\n"], userData.Scripts);
        Assert.Equal(["ssh-ed25519 AAAA k"], userData.Config.SshAuthorizedKeys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("just text")]
    [InlineData("#cloud-config\n: : not yaml [")]
    public void Anything_else_does_nothing(string? text)
    {
        var userData = UserData.Parse(text);

        Assert.Empty(userData.Scripts);
        Assert.Empty(userData.Config.SshKeys);
    }
}
