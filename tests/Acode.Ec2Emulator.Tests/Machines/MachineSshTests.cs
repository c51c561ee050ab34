using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Acode.Ec2EmulatorTests.Machines;

public sealed class MachineSshTests
{
    [Fact]
    public async Task Authorised_key_logs_in_as_the_AMI_user_in_the_machine_home()
    {
        await using var fixture = new MachineFixture();
        var machine = await fixture.BootAsync();

        var output = await MachineFixture.RunAsync(machine, fixture.Key, "echo \"$HOME\"; pwd; id -un; echo \"$ACODE_TEST_VALUE\"; command -v shutdown");

        var lines = output.Split('\n');
        Assert.Equal(machine.HomePath, lines[0]);
        Assert.Equal(machine.HomePath, lines[1]);
        Assert.Equal(machine.LoginUserName, lines[2]);
        Assert.Equal(fixture.Host.IsRoot ? "ec2-user" : Environment.UserName, machine.LoginUserName);
        Assert.Equal("it's here", lines[3]);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(machine.HomePath)!, "bin", "shutdown"), lines[4]);
    }

    [Fact]
    public async Task Sftp_starts_in_the_machine_home()
    {
        await using var fixture = new MachineFixture();
        var machine = await fixture.BootAsync();
        using var sftp = new SftpClient(machine.Address!.ToString(), machine.SshPort, machine.LoginUserName, fixture.Key.Open());
        sftp.HostKeyReceived += (_, e) => e.CanTrust = true;
        await sftp.ConnectAsync(CancellationToken.None);

        sftp.WriteAllText("hello.txt", "hi");

        Assert.Equal(machine.HomePath, sftp.WorkingDirectory);
        Assert.Equal("hi", await File.ReadAllTextAsync(Path.Combine(machine.HomePath, "hello.txt")));
    }

    [Fact]
    public async Task Another_key_is_refused()
    {
        await using var fixture = new MachineFixture();
        var machine = await fixture.BootAsync();
        var stranger = ClientKey.Generate(fixture.Keys, "stranger");

        await Assert.ThrowsAsync<SshAuthenticationException>(() => MachineFixture.ConnectAsync(machine, stranger));
    }

    [Fact]
    public async Task Host_key_seen_by_the_client_is_in_the_console_fingerprint_block()
    {
        await using var fixture = new MachineFixture();
        var machine = await fixture.BootAsync();
        var seen = new StrongBox<string?>();

        using (await MachineFixture.ConnectAsync(machine, fixture.Key, seen))
        {
        }

        var console = machine.ConsoleOutput;
        var block = Regex.Match(console, @"-----BEGIN SSH HOST KEY FINGERPRINTS-----\n(.*?)\n[^\n]*-----END SSH HOST KEY FINGERPRINTS-----", RegexOptions.Singleline);
        Assert.True(block.Success, console);
        var lines = block.Groups[1].Value.Split('\n');
        Assert.All(lines, l => Assert.Matches(@"cloud-init: 256 SHA256:[A-Za-z0-9+/]{43} root@ip-127-\d+-\d+-\d+ \((ED25519|ECDSA)\)$", l));
        Assert.Contains(lines, l => l.Contains($"SHA256:{seen.Value} ", StringComparison.Ordinal));
        Assert.Contains("-----BEGIN SSH HOST KEY KEYS-----\necdsa-sha2-nistp256 ", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_machines_are_isolated()
    {
        await using var fixture = new MachineFixture();
        var first = await fixture.BootAsync();
        var otherKey = ClientKey.Generate(fixture.Keys, "other");
        var second = fixture.Create(authorizedKey: otherKey.PublicKeyLine);
        await second.BootAsync(fixture.Host.ReserveAddress());
        var firstHostKey = new StrongBox<string?>();
        var secondHostKey = new StrongBox<string?>();

        using (await MachineFixture.ConnectAsync(first, fixture.Key, firstHostKey))
        using (await MachineFixture.ConnectAsync(second, otherKey, secondHostKey))
        {
        }

        Assert.NotEqual(first.Address, second.Address);
        Assert.NotEqual(first.HomePath, second.HomePath);
        Assert.Equal(second.HomePath, (await MachineFixture.RunAsync(second, otherKey, "echo \"$HOME\"")).Trim());
        Assert.NotEqual(firstHostKey.Value, secondHostKey.Value);
        await Assert.ThrowsAsync<SshAuthenticationException>(() => MachineFixture.ConnectAsync(second, fixture.Key));
    }
}
