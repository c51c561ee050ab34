using System.Diagnostics;
using System.Net.Sockets;
using Acode.Ec2Emulator.Machines;

namespace Acode.Benchmarks;

/// <summary>
/// The emulator's machines: how long one boot takes (create + keys + config + sshd listening), and how long 50
/// machines booted at once take until every sshd sends its banner.
/// </summary>
internal static class MachinesBenchmark
{
    private const int SequentialBoots = 20;
    private const int ConcurrentMachines = 50;

    public static async Task<int> RunAsync()
    {
        var root = Directory.CreateTempSubdirectory("acode-bench-machines-");
        try
        {
            await using var host = new MachineHost(new MachineHostOptions { WorkRoot = root.FullName }, TimeProvider.System);
            await BootAsync(host, 0); // warm-up: JIT, user creation
            var times = new List<double>();
            for (var i = 1; i <= SequentialBoots; i++)
            {
                var watch = Stopwatch.StartNew();
                await BootAsync(host, i);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine($"machine boot (create + host keys + sshd listening), {SequentialBoots} sequential: median {times[times.Count / 2]:0.0} ms, min {times[0]:0.0} ms, max {times[^1]:0.0} ms");

            var all = Stopwatch.StartNew();
            var machines = await Task.WhenAll(Enumerable.Range(100, ConcurrentMachines).Select(i => Task.Run(() => BootAsync(host, i))));
            var booted = all.Elapsed.TotalMilliseconds;
            var banners = await Task.WhenAll(machines.Select(ReadBannerAsync));
            var answering = banners.Count(b => b.StartsWith("SSH-2.0-", StringComparison.Ordinal));
            Console.WriteLine($"{ConcurrentMachines} machines booted at once: all booted in {booted:0} ms, {answering}/{ConcurrentMachines} answering SSH after {all.Elapsed.TotalMilliseconds:0} ms");
            return answering == ConcurrentMachines ? 0 : 1;
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static async Task<Machine> BootAsync(MachineHost host, int index)
    {
        var machine = host.Create(new MachineSpec { InstanceId = $"i-bench{index:x10}", UserName = "ec2-user" });
        await machine.BootAsync(host.ReserveAddress());
        return machine;
    }

    private static async Task<string> ReadBannerAsync(Machine machine)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(machine.Address!, machine.SshPort);
        var buffer = new byte[64];
        var read = await client.GetStream().ReadAsync(buffer);
        return System.Text.Encoding.ASCII.GetString(buffer, 0, read);
    }
}
