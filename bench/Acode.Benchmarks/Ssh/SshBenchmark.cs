using System.Diagnostics;
using System.Globalization;
using Acode.Application.Compute;
using Acode.Application.Compute.Ssh;
using Acode.Domain.Compute;
using Acode.Infrastructure.Compute.Ssh;
using Acode.IntegrationTests.Fixtures;

namespace Acode.Benchmarks.Ssh;

/// <summary>
/// SshComputeTarget against OpenSSH tools on one loopback sshd: command latency (vs ssh with ControlMaster and
/// plain ssh), a 1 GiB file and a 10,000-file tree upload (vs scp, rsync -a, tar | ssh), and peak RSS.
/// </summary>
internal static class SshBenchmark
{
    private const int Commands = 200;
    private const int PlainSshCommands = 200;
    private const int Rounds = 3;

    public static async Task<int> RunAsync()
    {
        await using var server = await SshServer.StartAsync();
        var work = Directory.CreateTempSubdirectory("acode-bench-").FullName;
        try
        {
            var configuration = new SshTargetConfiguration
            {
                Host = server.Host,
                Port = server.Port,
                Username = server.User,
                PrivateKeyPath = server.ClientKeys.PrivateKeyPath,
                HostKeyPolicy = SshHostKeyPolicy.ExpectedFingerprint,
                ExpectedHostKeyFingerprint = server.HostKeys.Fingerprint,
            };
            var ssh = new OpenSsh(server, work);
            Console.WriteLine($"sshd {server.Host}:{server.Port}, user {server.User}; {Environment.ProcessorCount} cores");
            await CommandsAsync(configuration, ssh);
            await UploadsAsync(configuration, ssh, work);
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task CommandsAsync(SshTargetConfiguration configuration, OpenSsh ssh)
    {
        var first = Stopwatch.StartNew();
        await using var target = new SshComputeTarget(configuration);
        await target.PrepareAsync(new WorkspaceContext());
        await target.ExecuteAsync("true");
        first.Stop();
        var warm = Stopwatch.StartNew();
        await using (var second = new SshComputeTarget(configuration))
        {
            await second.PrepareAsync(new WorkspaceContext());
            await second.ExecuteAsync("true");
            warm.Stop();
        }

        var probe = await SshComputeTarget.ProbeAsync(configuration);

        var ours = await TimeAsync(Commands, () => target.ExecuteAsync("true"));
        await ssh.StartMasterAsync();
        var multiplexed = await TimeAsync(Commands, () => ssh.RunAsync(["-o", $"ControlPath={ssh.ControlPath}"], "true"));
        await ssh.StopMasterAsync();
        var plain = await TimeAsync(PlainSshCommands, () => ssh.RunAsync([], "true"));

        Console.WriteLine($"commands: SshComputeTarget median {Ms(ours)} ms ({Commands} x true)");
        Console.WriteLine($"commands: ssh ControlMaster median {Ms(multiplexed)} ms ({Commands} x true); ratio ours/multiplexed {Ratio(ours, multiplexed)} (goal <= 0.5)");
        Console.WriteLine($"commands: plain ssh median {Ms(plain)} ms ({PlainSshCommands} x true); ratio ours/plain {Ratio(ours, plain)}");
        Console.WriteLine($"first command incl. connect+prepare: {first.Elapsed.TotalMilliseconds:0} ms cold (first in process, JIT included), {warm.Elapsed.TotalMilliseconds:0} ms warm; connect+auth alone {probe.Duration.TotalMilliseconds:0} ms; plain ssh median {Ms(plain)} ms (goal <=)");
    }

    private static async Task UploadsAsync(SshTargetConfiguration configuration, OpenSsh ssh, string work)
    {
        var big = Path.Combine(work, "big.bin");
        await WriteFileAsync(big, 1L << 30);
        var tree = Path.Combine(work, "tree");
        var block = new byte[4096];
        for (var i = 0; i < 10_000; i++)
        {
            var folder = Path.Combine(tree, $"d{i / 100:000}");
            Directory.CreateDirectory(folder);
            Random.Shared.NextBytes(block);
            await File.WriteAllBytesAsync(Path.Combine(folder, $"f{i:00000}.bin"), block);
        }

        await using var target = new SshComputeTarget(configuration);
        var prepared = await target.PrepareAsync(new WorkspaceContext());
        var remote = prepared.RemoteRoot;

        await CompareAsync("1 GiB file", 1L << 30, remote, ssh, big, measureRss: true, ours: dest => target.UploadAsync(big, dest));
        await CompareAsync("10,000 x 4 KiB tree", 10_000L * 4096, remote, ssh, tree, measureRss: false, ours: dest => target.UploadAsync(tree, dest));
    }

    private static async Task CompareAsync(string label, long bytes, string remote, OpenSsh ssh, string source, bool measureRss, Func<string, Task<TransferResult>> ours)
    {
        var tools = new (string Name, Func<string, Task> Upload)[]
        {
            ("SshComputeTarget", dest => ours(dest)),
            (Directory.Exists(source) ? "scp -r" : "scp", dest => ssh.ScpAsync(source, dest)),
            ("rsync -a", dest => ssh.RsyncAsync(source, dest)),
            ("tar | ssh tar", dest => ssh.TarAsync(source, dest)),
        };
        var times = tools.ToDictionary(t => t.Name, _ => new List<double>());
        long peakRss = 0;

        // Several rounds with the order rotated, so a busy moment or the previous tool's disk flush does not land on one tool.
        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < tools.Length; k++)
            {
                var (name, upload) = tools[(k + round) % tools.Length];
                var isOurs = name == tools[0].Name;
                if (isOurs && measureRss)
                {
                    // Resets the kernel's peak-RSS counter (VmHWM) so the figure covers only this upload.
                    await File.WriteAllTextAsync("/proc/self/clear_refs", "5");
                }

                var watch = Stopwatch.StartNew();
                await upload($"{remote}/r{round}-{k}");
                times[name].Add(watch.Elapsed.TotalSeconds);
                if (isOurs && measureRss)
                {
                    peakRss = Math.Max(peakRss, ReadPeakRss());
                }
            }

            await ssh.RunAsync([], $"rm -rf '{remote}'/r{round}-*");
        }

        var medians = times.ToDictionary(t => t.Key, t => t.Value.Order().ElementAt(t.Value.Count / 2));
        foreach (var (name, _) in tools)
        {
            Console.WriteLine($"upload {label}: {name,-18} median {medians[name],7:0.00} s {bytes / medians[name] / (1 << 20),8:0.0} MiB/s (of {Rounds})");
        }

        var mine = medians[tools[0].Name];
        var bestPeer = medians.Where(m => m.Key != tools[0].Name).MinBy(m => m.Value);
        Console.WriteLine($"upload {label}: ours vs best peer ({bestPeer.Key}) speed ratio {bestPeer.Value / mine:0.00}x (goal >= 1)" +
            (label.Contains("tree", StringComparison.Ordinal) ? $"; vs scp -r {medians[tools[1].Name] / mine:0.0}x (goal >= 5)" : string.Empty));
        if (measureRss)
        {
            Console.WriteLine($"peak RSS during the 1 GiB upload: {peakRss / (1 << 20)} MiB (goal < 150)");
        }
    }

    private static long ReadPeakRss()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static async Task<List<double>> TimeAsync(int count, Func<Task> run)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times;
    }

    private static string Ms(List<double> sorted) => sorted[sorted.Count / 2].ToString("0.00", CultureInfo.InvariantCulture);

    private static string Ratio(List<double> ours, List<double> other) => (ours[ours.Count / 2] / other[other.Count / 2]).ToString("0.00", CultureInfo.InvariantCulture);

    private static async Task WriteFileAsync(string path, long size)
    {
        var block = new byte[1 << 20];
        Random.Shared.NextBytes(block);
        await using var file = File.Create(path);
        for (long written = 0; written < size; written += block.Length)
        {
            block[0]++;
            await file.WriteAsync(block);
        }
    }
}
