using System.Diagnostics;
using System.Globalization;
using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Domain.Compute;
using Acode.Domain.Compute.Ec2.Events;
using Acode.Ec2Emulator;
using Acode.Infrastructure.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Credentials;
using Amazon.Runtime;

namespace Acode.Benchmarks.Ec2;

/// <summary>
/// The EC2 target against the emulator (real sshd machines): with boot and SSH delays of 2 s each and 100 ms intervals,
/// PrepareAsync->Ready minus the 4 s the emulator spends (acode's overhead), TeardownAsync until EC2 confirmed
/// shutting-down, 20 targets prepared at once against one, and PrepareAsync->Ready with the spec's default intervals.
/// Prints medians.
/// </summary>
public static class Ec2Benchmark
{
    private static readonly TimeSpan EmulatorDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FastInterval = TimeSpan.FromMilliseconds(100);

    public static async Task<int> RunAsync()
    {
        var settings = new EmulatorSettings { BootDelay = EmulatorDelay, SshDelay = EmulatorDelay, TerminateDelay = TimeSpan.FromSeconds(1), StopDelay = TimeSpan.FromSeconds(1) };
        await using var emulator = await Ec2Emulator.Ec2Emulator.StartAsync(new EmulatorOptions { Settings = settings });
        var fast = Configuration(emulator) with { PollInterval = FastInterval, SshRetryInterval = FastInterval, SshRetryCount = 300 };

        // Warm-up: JIT, SSM/AMI cache, the machine user.
        await MeasureAsync(emulator, fast);

        var prepares = new List<double>();
        var teardowns = new List<double>();
        var totals = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var (prepare, teardown, total) = await MeasureAsync(emulator, fast);
            prepares.Add(prepare);
            teardowns.Add(teardown);
            totals.Add(total);
        }

        var single = Median(prepares);
        Print("ec2 prepare->ready overhead (fast intervals, minus 4 s emulator delays)", single - (2 * EmulatorDelay.TotalSeconds), "s", "goal <= 0.3 s");
        Print("ec2 teardown until shutting-down confirmed", Median(teardowns), "s", "goal <= 1 s");
        Print("ec2 teardown complete (security group and key pair gone; emulator terminate delay 1 s)", Median(totals), "s", "informational");

        var targets = Enumerable.Range(0, 20).Select(_ => Create(emulator, fast, new InMemoryEventPublisher())).ToArray();
        var concurrent = Stopwatch.StartNew();
        await Task.WhenAll(targets.Select(t => t.PrepareAsync(new WorkspaceContext())));
        var twenty = concurrent.Elapsed.TotalSeconds;
        await Task.WhenAll(targets.Select(t => t.TeardownAsync()));
        Print("ec2 20 targets prepared concurrently (wall, until all ready)", twenty, "s", string.Create(CultureInfo.InvariantCulture, $"{twenty / single:0.00}x one prepare ({single:0.000} s), goal <= 2x"));

        var defaults = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            defaults.Add((await MeasureAsync(emulator, Configuration(emulator))).Prepare);
        }

        Print("ec2 prepare->ready with the spec's default intervals (5 s poll, 10 s SSH retry)", Median(defaults), "s", "emulator delays 4 s");
        return 0;
    }

    private static Ec2Configuration Configuration(Ec2Emulator.Ec2Emulator emulator) => new()
    {
        Region = emulator.Region,
        EndpointUrl = emulator.ServiceUrl,
        InstanceType = "t3.micro",
        CreateTempSecurityGroup = true,
    };

    private static Ec2ComputeTarget Create(Ec2Emulator.Ec2Emulator emulator, Ec2Configuration configuration, InMemoryEventPublisher events) =>
        new Ec2ComputeTargetFactory(new Ec2TargetDependencies
        {
            ModeValidator = new ModeValidator(OperatingMode.Burst),
            Events = events,
            ExplicitCredentials = new ResolvedAwsCredentials(new BasicAWSCredentials("test", "test"), emulator.Region, AwsCredentialSource.ExplicitProfile, "benchmark", "****test"),
        }).Create(configuration);

    private static async Task<(double Prepare, double Teardown, double Total)> MeasureAsync(Ec2Emulator.Ec2Emulator emulator, Ec2Configuration configuration)
    {
        var events = new InMemoryEventPublisher();
        var target = Create(emulator, configuration, events);
        var watch = Stopwatch.StartNew();
        await target.PrepareAsync(new WorkspaceContext());
        var prepare = watch.Elapsed.TotalSeconds;

        var shuttingDown = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        var teardownWatch = new Stopwatch();
        using var subscription = events.Subscribe<Ec2InstanceTerminatingEvent>((_, _) =>
        {
            shuttingDown.TrySetResult(teardownWatch.Elapsed.TotalSeconds);
            return Task.CompletedTask;
        });
        teardownWatch.Start();
        await target.TeardownAsync();
        var total = teardownWatch.Elapsed.TotalSeconds;
        return (prepare, await shuttingDown.Task, total);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void Print(string what, double value, string unit, string note) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {value:0.000} {unit} ({note})"));
}
