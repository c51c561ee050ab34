using System.Net.Sockets;
using System.Text;
using Acode.Ec2Emulator.Machines;

namespace Acode.Ec2EmulatorTests.Machines;

public sealed class MachineLifecycleTests
{
    [Fact]
    public async Task Halt_kills_what_the_machine_backgrounded_and_keeps_the_disk()
    {
        await using var fixture = new MachineFixture();
        var machine = await fixture.BootAsync();
        await MachineFixture.RunAsync(machine, fixture.Key, "setsid sleep 1000 </dev/null >/dev/null 2>&1 &");
        Assert.True(await Eventually.TrueAsync(() => SleepersOf(machine).Count == 1));

        await machine.HaltAsync();

        Assert.Empty(SleepersOf(machine));
        Assert.Empty(MachineProcesses.Find(m => m == machine.Marker));
        Assert.False(machine.IsBooted);
        Assert.True(Directory.Exists(machine.HomePath));
    }

    [Fact]
    public async Task Destroy_removes_the_disk_and_keeps_the_console_output()
    {
        await using var fixture = new MachineFixture();
        var machine = await fixture.BootAsync();

        await machine.DestroyAsync();
        await machine.DestroyAsync();

        Assert.False(Directory.Exists(Path.GetDirectoryName(machine.HomePath)));
        Assert.Contains("-----END SSH HOST KEY FINGERPRINTS-----", machine.ConsoleOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_leaves_no_process_of_the_host_even_with_a_client_connected()
    {
        var fixture = new MachineFixture();
        List<int> before;
        Machine machine;
        try
        {
            machine = await fixture.BootAsync();
            await MachineFixture.RunAsync(machine, fixture.Key, "nohup sleep 1000 </dev/null >/dev/null 2>&1 &");
            using var connected = await MachineFixture.ConnectAsync(machine, fixture.Key);
            var sshd = int.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(machine.HomePath)!, "run", "sshd.pid")).Trim());
            // sshd's own processes show no marker (sshd writes its title over its environment): they are its descendants.
            before = MachineProcesses.Find(m => m == machine.Marker, [sshd]);
            Assert.True(before.Count >= 3, $"expected the listener, its connection process(es) and sleep, found {before.Count}");
        }
        finally
        {
            await fixture.DisposeAsync();
        }

        Assert.DoesNotContain(before, IsAlive);
        Assert.Empty(MachineProcesses.Find(m => m == machine.Marker));
    }

    [Fact]
    public async Task Fifty_machines_booted_at_once_all_answer_ssh()
    {
        await using var fixture = new MachineFixture();

        var machines = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => fixture.BootAsync())));
        var banners = await Task.WhenAll(machines.Select(ReadBannerAsync));

        Assert.All(banners, b => Assert.StartsWith("SSH-2.0-OpenSSH", b, StringComparison.Ordinal));
        Assert.Equal(50, machines.Select(m => m.Address).Distinct().Count());
    }

    private static async Task<string> ReadBannerAsync(Machine machine)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(machine.Address!, machine.SshPort);
        var buffer = new byte[64];
        var read = await client.GetStream().ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    private static List<int> SleepersOf(Machine machine) =>
        MachineProcesses.Find(m => m == machine.Marker)
            .Where(pid => CommandLine(pid) == "sleep 1000")
            .ToList();

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            // A zombie waits for its parent to reap it but runs no more.
            return !File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
