using System.Text;
using System.Text.RegularExpressions;
using Acode.Ec2EmulatorTests.Machines;
using Amazon.EC2;
using Amazon.EC2.Model;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Acode.Ec2Emulator.Tests;

/// <summary>The API layer and real machines together, through the SDK and SSH.NET.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class MachineBackedInstanceTests
{
    [Fact]
    public async Task A_launched_instance_is_an_sshd_that_knows_its_imds_and_honours_poweroff()
    {
        await using var run = await MachinesWithKey.StartAsync("e2e");
        var (emulator, h, key) = (run.Emulator, run.Harness, run.Key);
        var open = await OpenSshGroupAsync(h, "127.0.0.1/32");
        var closed = (await h.RunAsync(r => r.KeyName = "e2e")).InstanceId;
        var id = (await h.RunAsync(r => (r.KeyName, r.SecurityGroupIds) = ("e2e", [open]))).InstanceId;

        // The default VPC's default group admits only itself, as on AWS: the login is refused.
        var refused = await h.WaitAsync(closed, i => i.State.Name == InstanceStateName.Running);
        var closedMachine = emulator.FindMachine(closed)!;
        await EmulatorHarness.WaitForAsync(() => Task.FromResult(closedMachine.IsBooted));
        using (var denied = new SshClient(refused.PublicIpAddress, closedMachine.SshPort, closedMachine.LoginUserName, key.Open()))
        {
            await Assert.ThrowsAsync<SshAuthenticationException>(() => denied.ConnectAsync(CancellationToken.None));
        }

        var running = await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Running);
        var machine = emulator.FindMachine(id)!;
        await EmulatorHarness.WaitForAsync(() => Task.FromResult(machine.IsBooted));
        Assert.Equal(running.PublicIpAddress, machine.Address!.ToString());

        string? seen = null;
        using var ssh = new SshClient(running.PublicIpAddress, machine.SshPort, machine.LoginUserName, key.Open());
        ssh.HostKeyReceived += (_, e) => (seen, e.CanTrust) = (e.FingerPrintSHA256, true);
        await ssh.ConnectAsync(CancellationToken.None);
        var imds = ssh.RunCommand("t=$(curl -s -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 60' \"$AWS_EC2_METADATA_SERVICE_ENDPOINT/latest/api/token\"); "
            + "curl -s -H \"X-aws-ec2-metadata-token: $t\" \"$AWS_EC2_METADATA_SERVICE_ENDPOINT/latest/meta-data/instance-id\"").Result;
        Assert.Equal(id, imds.Trim());

        var console = Encoding.UTF8.GetString(Convert.FromBase64String((await h.Ec2.GetConsoleOutputAsync(new GetConsoleOutputRequest { InstanceId = id })).Output));
        Assert.Contains(Regex.Matches(console, @"SHA256:([A-Za-z0-9+/]+)").Select(m => m.Groups[1].Value), f => f == seen);

        PowerOff(ssh);
        var stopped = await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Stopped);
        Assert.Equal("Client.InstanceInitiatedShutdown", stopped.StateReason.Code);
        Assert.False(machine.IsBooted);

        await h.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
        await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Terminated);
        Assert.False(Directory.Exists(machine.HomePath));
    }

    [Fact]
    public async Task Disposing_stops_machines_and_removes_the_work_root_the_emulator_made()
    {
        var emulator = await Ec2Emulator.StartAsync(new EmulatorOptions { Settings = EmulatorHarness.Instant });
        var root = emulator.OwnedWorkRoot!;
        await using (var h = new EmulatorHarness(emulator))
        {
            var id = (await h.RunAsync()).InstanceId;
            await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Running);
            await EmulatorHarness.WaitForAsync(() => Task.FromResult(emulator.FindMachine(id)!.IsBooted));
            Assert.True(Directory.Exists(root));
        }

        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public async Task A_group_opening_ssh_only_to_another_address_refuses_this_one()
    {
        await using var run = await MachinesWithKey.StartAsync("sg");
        var (emulator, h, key) = (run.Emulator, run.Harness, run.Key);
        var elsewhere = await OpenSshGroupAsync(h, "203.0.113.7/32");
        var id = (await h.RunAsync(r => (r.KeyName, r.SecurityGroupIds) = ("sg", [elsewhere]))).InstanceId;
        var running = await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Running);
        var machine = emulator.FindMachine(id)!;
        await EmulatorHarness.WaitForAsync(() => Task.FromResult(machine.IsBooted));

        using var ssh = new SshClient(running.PublicIpAddress, machine.SshPort, machine.LoginUserName, key.Open());
        await Assert.ThrowsAsync<SshAuthenticationException>(() => ssh.ConnectAsync(CancellationToken.None));
    }

    // An emulator whose instances are real sshd machines, with a client key imported as key pair keyName; disposing it
    // stops the machines and removes the folder.
    private sealed class MachinesWithKey : IAsyncDisposable
    {
        private readonly DirectoryInfo _folder;

        private MachinesWithKey(DirectoryInfo folder, Ec2Emulator emulator, EmulatorHarness harness, ClientKey key) =>
            (_folder, Emulator, Harness, Key) = (folder, emulator, harness, key);

        public Ec2Emulator Emulator { get; }

        public EmulatorHarness Harness { get; }

        public ClientKey Key { get; }

        public static async Task<MachinesWithKey> StartAsync(string keyName)
        {
            var folder = Directory.CreateTempSubdirectory("acode-emu-" + keyName + "-");

            // The login user reads authorized_keys under the work root itself, so the folder must be traversable.
            File.SetUnixFileMode(folder.FullName, (UnixFileMode)0b111_101_101);
            var emulator = await Ec2Emulator.StartAsync(new EmulatorOptions
            {
                StartMachines = true, MachineWorkRoot = Path.Combine(folder.FullName, "machines"), Settings = EmulatorHarness.Instant,
            });
            var harness = new EmulatorHarness(emulator);
            var key = ClientKey.Generate(folder.FullName);
            await harness.Ec2.ImportKeyPairAsync(new ImportKeyPairRequest { KeyName = keyName, PublicKeyMaterial = Convert.ToBase64String(Encoding.UTF8.GetBytes(key.PublicKeyLine)) });
            return new MachinesWithKey(folder, emulator, harness, key);
        }

        public async ValueTask DisposeAsync()
        {
            await Harness.DisposeAsync(); // it disposes the emulator too
            _folder.Delete(recursive: true);
        }
    }

    private static async Task<string> OpenSshGroupAsync(EmulatorHarness h, string cidr)
    {
        var group = await h.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "ssh-" + Guid.NewGuid().ToString("N")[..8], Description = "ssh" });
        await h.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.GroupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = cidr }] }],
        });
        return group.GroupId;
    }

    [Fact]
    public async Task An_elastic_ip_associated_during_the_ssh_delay_or_after_boot_is_where_sshd_listens()
    {
        var settings = EmulatorHarness.Instant with { SshDelay = TimeSpan.FromSeconds(1) };
        await using var emulator = await Ec2Emulator.StartAsync(new EmulatorOptions { Settings = settings });
        await using var h = new EmulatorHarness(emulator);
        var id = (await h.RunAsync()).InstanceId;
        await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Running);
        var machine = emulator.FindMachine(id)!;
        Assert.False(machine.IsBooted);

        // Associated while the machine is still waiting for its SSH delay: the boot must use it.
        var eip = await h.Ec2.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc });
        var association = await h.Ec2.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = eip.AllocationId, InstanceId = id });
        await EmulatorHarness.WaitForAsync(() => Task.FromResult(machine.IsBooted));
        Assert.Equal(eip.PublicIp, machine.Address!.ToString());
        await AssertListensAsync(eip.PublicIp, machine.SshPort);

        // Disassociated from a booted machine: it moves to its new auto-assigned address.
        await h.Ec2.DisassociateAddressAsync(new DisassociateAddressRequest { AssociationId = association.AssociationId });
        var moved = (await h.DescribeAsync(id)).PublicIpAddress;
        Assert.NotEqual(eip.PublicIp, moved);
        await EmulatorHarness.WaitForAsync(() => Task.FromResult(machine.IsBooted && machine.Address!.ToString() == moved));
        await AssertListensAsync(moved, machine.SshPort);

        // Associated again after boot: back on the Elastic IP.
        await h.Ec2.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = eip.AllocationId, InstanceId = id });
        await EmulatorHarness.WaitForAsync(() => Task.FromResult(machine.IsBooted && machine.Address!.ToString() == eip.PublicIp));
        await AssertListensAsync(eip.PublicIp, machine.SshPort);
    }

    private static async Task AssertListensAsync(string address, int port)
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Parse(address), port);
        using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
        Assert.StartsWith("SSH-2.0-", await reader.ReadLineAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs <c>poweroff</c>. Like a real instance, the machine may halt (ending sshd and the connection) before the
    /// command's exit status comes back, so an aborted connection is as good an answer as a clean return.
    /// </summary>
    private static void PowerOff(SshClient ssh)
    {
        try
        {
            ssh.RunCommand("poweroff");
            ssh.Disconnect();
        }
        catch (SshConnectionException)
        {
            // The machine went down first.
        }
    }
}
