using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Amazon.EC2;
using Amazon.Runtime;

namespace Acode.Benchmarks.CrashTrials;

/// <summary>
/// <c>crash-trials [--sigint N] [--sigkill N] [--seed S]</c>: starts a standalone <c>acode emulator</c>, measures one
/// uninterrupted <c>acode exec --endpoint-url</c>, then interrupts N runs with SIGINT and N with SIGKILL at random
/// moments of a phase chosen in turn (the phase is read from acode's progress lines), and prints per signal and phase
/// what each left (live instances, temp security groups, auto key pairs, machine processes, a hung acode) before and
/// after <c>acode target ec2 cleanup --older-than 0s --yes</c>.
/// </summary>
public static class CrashTrialsBenchmark
{
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan SettleDeadline = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var sigint = Option(args, "--sigint", 10);
        var sigkill = Option(args, "--sigkill", 10);
        var random = new Random(Option(args, "--seed", Environment.TickCount));
        var folder = Directory.CreateTempSubdirectory("acode-crash-trials-").FullName;
        using var emulator = AcodeProcess.Start(folder, "emulator", "--port", "0", "--output", "json", "--boot-delay", "1s", "--ssh-delay", "1s");
        try
        {
            var endpoint = await ReadEndpointAsync(emulator);
            _ = emulator.StandardError.ReadToEndAsync();
            Prepare(folder);
            using var ec2 = new AmazonEC2Client(new BasicAWSCredentials("test", "test"), new AmazonEC2Config { ServiceURL = endpoint, AuthenticationRegion = "us-east-1" });
            var exec = ExecArgs(endpoint);

            var durations = await CalibrateAsync(folder, exec);
            Console.WriteLine("one uninterrupted run, seconds per phase: " + string.Join(", ", TrialPhase.All.Select((p, i) => FormattableString.Invariant($"{p.Name} {durations[i]:0.0}"))));

            var plan = Enumerable.Range(0, sigint).Select(i => ("INT", i % TrialPhase.All.Count))
                .Concat(Enumerable.Range(0, sigkill).Select(i => ("KILL", i % TrialPhase.All.Count)))
                .OrderBy(_ => random.Next()).ToList();
            var rows = new SortedDictionary<(string, int), (int Trials, Leftovers Before, Leftovers After)>();
            var number = 0;
            foreach (var (signal, phase) in plan)
            {
                number++;
                var baseline = await Census.TakeAsync(ec2);
                var (hit, hung) = await TrialAsync(folder, exec, signal, phase, random.NextDouble() * durations[phase]);
                var before = (await Census.TakeAsync(ec2)).Since(baseline, hung);
                // Cleanup cannot create anything: when the run left nothing, there is nothing for it to do.
                var clean = before == new Leftovers(0, 0, 0, 0);
                var cleanup = clean ? (ExitCode: 0, Error: string.Empty) : await AcodeProcess.RunAsync(folder, ExitDeadline, [.. CommonFlags(endpoint, "target", "ec2", "cleanup"), "--older-than", "0s", "--yes"]);
                var after = clean ? before : await SettleAsync(ec2, baseline, hung);
                var key = (signal, hit);
                var row = rows.TryGetValue(key, out var seen) ? seen : (Trials: 0, Before: new Leftovers(0, 0, 0, 0), After: new Leftovers(0, 0, 0, 0));
                rows[key] = (row.Trials + 1, row.Before + before, row.After + after);
                Console.WriteLine($"trial {number,3}/{plan.Count}: SIG{signal,-4} at {PhaseName(hit),-15} before {before}  after {after}  {(clean ? "no cleanup needed" : $"cleanup exit {cleanup.ExitCode}")}");
                if (number % 10 == 0 && number < plan.Count)
                {
                    Print(rows);
                }
            }

            Print(rows);
            return rows.Values.All(r => r.After == new Leftovers(0, 0, 0, 0)) ? 0 : 1;
        }
        finally
        {
            await AcodeProcess.SignalAsync(emulator.Id, "INT");
            if (!emulator.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                emulator.Kill(entireProcessTree: true);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    // One run interrupted at a random moment of the phase; returns the phase it really was in (-1: it had finished) and 1 if acode hung.
    private static async Task<(int Phase, int Hung)> TrialAsync(string folder, string[] exec, string signal, int target, double delaySeconds)
    {
        using var process = AcodeProcess.Start(folder, exec);
        _ = process.StandardOutput.ReadToEndAsync();
        var phase = 0;
        var signalled = -2;
        var reader = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                phase = TrialPhase.Next(phase, line);
            }
        });
        var started = Stopwatch.StartNew();
        while (phase < target && !process.HasExited && started.Elapsed < ExitDeadline)
        {
            await Pause(TimeSpan.FromMilliseconds(10));
        }

        await Pause(TimeSpan.FromSeconds(delaySeconds));
        if (!process.HasExited)
        {
            signalled = phase;
            await AcodeProcess.SignalAsync(process.Id, signal);
        }

        using var deadline = new CancellationTokenSource(ExitDeadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            await reader.WaitAsync(TimeSpan.FromSeconds(10));
            return (signalled == -2 ? -1 : signalled, 0);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            return (signalled, 1);
        }
    }

    // After cleanup: waits (bounded) until the trial's instances ended and their machines' processes are gone.
    private static async Task<Leftovers> SettleAsync(AmazonEC2Client ec2, Census baseline, int hung)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var census = await Census.TakeAsync(ec2);
            var left = census.Since(baseline, hung);
            if (left == new Leftovers(0, 0, 0, hung) || clock.Elapsed > SettleDeadline)
            {
                return left;
            }

            await Pause(TimeSpan.FromMilliseconds(250));
        }
    }

    private static async Task<double[]> CalibrateAsync(string folder, string[] exec)
    {
        using var process = AcodeProcess.Start(folder, exec);
        _ = process.StandardOutput.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        var starts = new double[TrialPhase.All.Count];
        var phase = 0;
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            var next = TrialPhase.Next(phase, line);
            for (var i = phase + 1; i <= next; i++)
            {
                starts[i] = clock.Elapsed.TotalSeconds;
            }

            phase = next;
        }

        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || phase != TrialPhase.All.Count - 1)
        {
            throw new InvalidOperationException($"the uninterrupted run failed (exit {process.ExitCode}, last phase {TrialPhase.All[phase].Name})");
        }

        var end = clock.Elapsed.TotalSeconds;
        return [.. starts.Select((s, i) => (i + 1 < starts.Length ? starts[i + 1] : end) - s)];
    }

    private static void Print(SortedDictionary<(string Signal, int Phase), (int Trials, Leftovers Before, Leftovers After)> rows)
    {
        Console.WriteLine();
        Console.WriteLine("signal  phase            trials | before cleanup: inst   SG   KP procs | after cleanup: inst   SG   KP procs");
        foreach (var ((signal, phase), (trials, before, after)) in rows)
        {
            Console.WriteLine($"SIG{signal,-4} {PhaseName(phase),-16} {trials,6} |                 {before} |                {after}");
        }

        var total = rows.Values.Aggregate((Trials: 0, Before: new Leftovers(0, 0, 0, 0), After: new Leftovers(0, 0, 0, 0)), (a, r) => (a.Trials + r.Trials, a.Before + r.Before, a.After + r.After));
        Console.WriteLine($"{"all",-24} {total.Trials,6} |                 {total.Before} |                {total.After}");
        Console.WriteLine("(procs counts the machines' processes of the trial's instances and a hung acode; a phase 'finished' means the run ended before the signal)");
    }

    private static Task Pause(TimeSpan delay) => Task.Delay(delay, TimeProvider.System, CancellationToken.None);

    private static string PhaseName(int phase) => phase < 0 ? "finished" : TrialPhase.All[phase].Name;

    private static string[] CommonFlags(string endpoint, params string[] command) =>
        [.. command, "--mode", "burst", "--endpoint-url", endpoint, "--region", "us-east-1"];

    // Uploads a 4 MiB tree and downloads a 16 MiB file, so that both phases last long enough to be hit.
    private static string[] ExecArgs(string endpoint) =>
    [
        .. CommonFlags(endpoint, "exec"), "--upload", "upload", "--download", "out.bin:./out.bin", "--",
        $"sleep 2; head -c 16777216 /dev/zero > out.bin; echo {TrialPhase.CommandDone} >&2",
    ];

    private static void Prepare(string folder)
    {
        var upload = Directory.CreateDirectory(Path.Combine(folder, "upload")).FullName;
        var block = new byte[64 * 1024];
        for (var i = 0; i < 64; i++)
        {
            File.WriteAllBytes(Path.Combine(upload, $"file-{i:000}.bin"), block);
        }

        Directory.CreateDirectory(Path.Combine(folder, ".acode"));
        File.WriteAllText(Path.Combine(folder, ".acode", "config.yml"), "ec2Target:\n  region: us-east-1\n  pollInterval: 100ms\n  sshRetryInterval: 200ms\n");
    }

    private static async Task<string> ReadEndpointAsync(Process emulator)
    {
        var text = string.Empty;
        while (!text.TrimEnd().EndsWith('}'))
        {
            text += (await emulator.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("acode emulator exited: " + await emulator.StandardError.ReadToEndAsync())) + "\n";
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("endpoint").GetString()!;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
