using System.Runtime.CompilerServices;

namespace Acode.Ec2EmulatorTests.Machines;

public sealed class MachineUserDataTests
{
    [Fact]
    public async Task Cloud_config_ssh_keys_become_the_host_keys()
    {
        await using var fixture = new MachineFixture();
        var hostKey = ClientKey.Generate(fixture.Keys, "host_ed25519");
        var userData = "#cloud-config\nssh_keys:\n  ed25519_private: |\n" +
            string.Join('\n', hostKey.PrivateKeyText.TrimEnd().Split('\n').Select(l => "    " + l)) +
            $"\n  ed25519_public: {hostKey.PublicKeyLine}\n";
        var machine = await fixture.BootAsync(userData);
        var seen = new StrongBox<string?>();

        using (await MachineFixture.ConnectAsync(machine, fixture.Key, seen))
        {
        }

        Assert.Equal(hostKey.Sha256Fingerprint(), seen.Value);
        Assert.Contains($"256 SHA256:{seen.Value} test@acode (ED25519)", machine.ConsoleOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("(ECDSA)", machine.ConsoleOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_runs_once_as_the_user_in_home_across_halt_and_boot()
    {
        await using var fixture = new MachineFixture();
        const string script = "#!/bin/bash\necho \"ran in $(pwd) as $(id -un) with $ACODE_TEST_VALUE\"\necho run >> \"$HOME/runs\"\n";
        var machine = await fixture.BootAsync(script);
        var runs = Path.Combine(machine.HomePath, "runs");

        Assert.True(await Eventually.TrueAsync(() => File.Exists(runs) && machine.ConsoleOutput.Contains("ran in", StringComparison.Ordinal)), machine.ConsoleOutput);
        await machine.HaltAsync();
        await machine.BootAsync(fixture.Host.ReserveAddress());
        // A second run would have started during boot; by the time a session has come and gone it would have written.
        await MachineFixture.RunAsync(machine, fixture.Key, "true");

        Assert.Equal(["run"], await File.ReadAllLinesAsync(runs));
        Assert.Contains($"ran in {machine.HomePath} as {machine.LoginUserName} with it's here", machine.ConsoleOutput, StringComparison.Ordinal);
        Assert.Single(machine.ConsoleOutput.Split('\n'), l => l.StartsWith("ran in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Multipart_user_data_runs_the_script_and_applies_the_cloud_config()
    {
        await using var fixture = new MachineFixture();
        var extra = ClientKey.Generate(fixture.Keys, "extra");
        var userData = $"""
            Content-Type: multipart/mixed; boundary="//"
            MIME-Version: 1.0

            --//
            Content-Type: text/cloud-config; charset="us-ascii"
            MIME-Version: 1.0
            Content-Transfer-Encoding: 7bit
            Content-Disposition: attachment; filename="cloud-config.txt"

            #cloud-config
            ssh_authorized_keys:
              - {extra.PublicKeyLine}

            --//
            Content-Type: text/x-shellscript; charset="us-ascii"
            MIME-Version: 1.0
            Content-Transfer-Encoding: 7bit
            Content-Disposition: attachment; filename="userdata.txt"

            #!/bin/sh
            echo multipart > "$HOME/marker"
            --//--
            """;
        var machine = await fixture.BootAsync(userData);

        Assert.True(await Eventually.TrueAsync(() => File.Exists(Path.Combine(machine.HomePath, "marker"))));
        Assert.Equal("multipart\n", await File.ReadAllTextAsync(Path.Combine(machine.HomePath, "marker")));
        Assert.Equal(machine.HomePath, (await MachineFixture.RunAsync(machine, extra, "pwd")).Trim());
    }
}
