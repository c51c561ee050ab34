using System.Net;
using System.Net.Sockets;
using Acode.Ec2Emulator.Machines;

namespace Acode.Ec2EmulatorTests.Machines;

public sealed class MachineBootFailureTests
{
    [Fact]
    public async Task Sshd_dying_at_boot_fails_with_its_own_words()
    {
        var root = Directory.CreateTempSubdirectory("acode-machines-");
        var address = IPAddress.Parse($"127.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
        using var squatter = new TcpListener(address, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        try
        {
            await using var host = new MachineHost(new MachineHostOptions { WorkRoot = root.FullName, SshPort = port }, TimeProvider.System);
            var machine = host.Create(new MachineSpec { InstanceId = "i-0bootfails000000", UserName = "ec2-user" });

            var error = await Assert.ThrowsAsync<MachineBootException>(() => machine.BootAsync(address));

            Assert.Equal("i-0bootfails000000", error.InstanceId);
            Assert.Contains("Address already in use", error.Message, StringComparison.Ordinal);
            Assert.False(machine.IsBooted);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
