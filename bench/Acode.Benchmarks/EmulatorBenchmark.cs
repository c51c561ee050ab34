using System.Globalization;
using Acode.Ec2Emulator;
using Emulator = Acode.Ec2Emulator.Ec2Emulator;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace Acode.Benchmarks;

/// <summary>
/// <c>emulator</c>: the EC2 emulator's API throughput through the real AWS SDK, with 1,000 instances (machines off):
/// DescribeInstances requests per second (all instances per call, one sequential client and four concurrent ones)
/// and RunInstances-to-running latency with zero delays.
/// </summary>
internal static class EmulatorBenchmark
{
    private const string Image = "ami-0a1f2e3d4c5b6a701";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync()
    {
        var settings = new EmulatorSettings { BootDelay = TimeSpan.Zero, SshDelay = TimeSpan.Zero, StopDelay = TimeSpan.Zero, TerminateDelay = TimeSpan.Zero };
        var start = TimeProvider.System.GetTimestamp();
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions { StartMachines = false, Settings = settings });
        Print("emulator start", TimeProvider.System.GetElapsedTime(start).TotalMilliseconds, "ms");
        using var ec2 = Client(emulator);

        Print("RunInstances to running, median of 20 (machines off)", await LaunchLatencyAsync(ec2), "ms");
        await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Image, InstanceType = InstanceType.T3Micro, MinCount = 980, MaxCount = 980 });
        var count = (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations.Sum(r => r.Instances.Count);
        Print("instances", count, string.Empty);

        Print("DescribeInstances (all 1,000 per call), 1 client", await RateAsync([ec2], new DescribeInstancesRequest()), "req/s");
        var clients = Enumerable.Range(0, 4).Select(_ => Client(emulator)).ToArray();
        Print("DescribeInstances (all 1,000 per call), 4 clients", await RateAsync(clients, new DescribeInstancesRequest()), "req/s");
        Print("DescribeInstances (page of 100), 1 client", await RateAsync([ec2], new DescribeInstancesRequest { MaxResults = 100 }), "req/s");
        Print("DescribeInstances (tag filter, no match), 1 client", await RateAsync([ec2], new DescribeInstancesRequest { Filters = [new Filter("tag:acode", ["true"])] }), "req/s");
        Print("same, raw HTTP without SDK parsing (server side), 1 client", await RawRateAsync(), "req/s");
        foreach (var client in clients)
        {
            client.Dispose();
        }

        return await MachinesAsync();
    }

    /// <summary>With real machines: RunInstances to an SSH banner (zero delays), and 50 instances launched in one call.</summary>
    private static async Task<int> MachinesAsync()
    {
        var settings = new EmulatorSettings { BootDelay = TimeSpan.Zero, SshDelay = TimeSpan.Zero, StopDelay = TimeSpan.Zero, TerminateDelay = TimeSpan.Zero };
        await using var emulator = await Emulator.StartAsync(new EmulatorOptions { StartMachines = true, Settings = settings });
        using var ec2 = Client(emulator);
        var samples = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            var start = TimeProvider.System.GetTimestamp();
            var id = (await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Image, MinCount = 1, MaxCount = 1 })).Reservation.Instances[0].InstanceId;
            await SshAnswersAsync(emulator, ec2, id);
            samples.Add(TimeProvider.System.GetElapsedTime(start).TotalMilliseconds);
            await ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
        }

        samples.Sort();
        Print("RunInstances to SSH banner, zero delays, median of 5 after warm-up", samples[(samples.Count + 1) / 2], "ms");

        var fifty = TimeProvider.System.GetTimestamp();
        var ids = (await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Image, MinCount = 50, MaxCount = 50 })).Reservation.Instances.Select(i => i.InstanceId).ToList();
        var answering = (await Task.WhenAll(ids.Select(id => SshAnswersAsync(emulator, ec2, id)))).Count(ok => ok);
        Print($"50 instances in one RunInstances: {answering}/50 sshd answering after", TimeProvider.System.GetElapsedTime(fifty).TotalMilliseconds, "ms");
        return answering == 50 ? 0 : 1;
    }

    private static async Task<bool> SshAnswersAsync(Emulator emulator, AmazonEC2Client ec2, string id)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(deadline) < TimeSpan.FromSeconds(60))
        {
            var instance = (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [id] })).Reservations[0].Instances[0];
            if (instance.PublicIpAddress is { } ip && emulator.FindMachine(id) is { IsBooted: true } machine)
            {
                try
                {
                    using var tcp = new System.Net.Sockets.TcpClient();
                    await tcp.ConnectAsync(ip, machine.SshPort);
                    var buffer = new byte[8];
                    var read = await tcp.GetStream().ReadAsync(buffer);
                    if (System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("SSH-", StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
                catch (System.Net.Sockets.SocketException)
                {
                    // Not yet listening.
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
        }

        return false;
    }

    private static AmazonEC2Client Client(Emulator emulator) =>
        new(new BasicAWSCredentials("test", "test"), new AmazonEC2Config { ServiceURL = emulator.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1" });

    private static async Task<double> LaunchLatencyAsync(AmazonEC2Client ec2)
    {
        var samples = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var start = TimeProvider.System.GetTimestamp();
            var id = (await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Image, MinCount = 1, MaxCount = 1 })).Reservation.Instances[0].InstanceId;
            while ((await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [id] })).Reservations[0].Instances[0].State.Name != InstanceStateName.Running)
            {
                await Task.Yield();
            }

            samples.Add(TimeProvider.System.GetElapsedTime(start).TotalMilliseconds);
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }

    private static async Task<double> RateAsync(AmazonEC2Client[] clients, DescribeInstancesRequest request)
    {
        await clients[0].DescribeInstancesAsync(request);
        var start = TimeProvider.System.GetTimestamp();
        var counts = await Task.WhenAll(clients.Select(async client =>
        {
            var n = 0;
            while (TimeProvider.System.GetElapsedTime(start) < Window)
            {
                await client.DescribeInstancesAsync(request);
                n++;
            }

            return n;
        }));
        return counts.Sum() / TimeProvider.System.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>The same full DescribeInstances over plain HTTP to an emulator that skips signature checks: the server's share of the cost.</summary>
    private static async Task<double> RawRateAsync()
    {
        await using var unsigned = await Emulator.StartAsync(new EmulatorOptions { StartMachines = false, VerifySignatures = false, Settings = new EmulatorSettings { BootDelay = TimeSpan.Zero } });
        using (var ec2 = Client(unsigned))
        {
            await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Image, MinCount = 1000, MaxCount = 1000 });
        }

        using var http = new HttpClient { BaseAddress = unsigned.ServiceUrl };
        var start = TimeProvider.System.GetTimestamp();
        var n = 0;
        while (TimeProvider.System.GetElapsedTime(start) < Window)
        {
            using var content = new StringContent("Action=DescribeInstances&Version=2016-11-15", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
            using var response = await http.PostAsync(new Uri("/", UriKind.Relative), content);
            await response.Content.ReadAsByteArrayAsync();
            n++;
        }

        return n / TimeProvider.System.GetElapsedTime(start).TotalSeconds;
    }

    private static void Print(string name, double value, string unit) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-55} {value,10:0.0} {unit}"));
}
