using Acode.Benchmarks;
using Acode.Benchmarks.CrashTrials;
using Acode.Benchmarks.Ec2;
using Acode.Benchmarks.Ssh;

// Each benchmark is a subcommand in its own file or folder; add new ones (e.g. EC2 lifecycle) to this table.
var benchmarks = new Dictionary<string, Func<Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["ssh"] = SshBenchmark.RunAsync,
    ["machines"] = MachinesBenchmark.RunAsync,
    ["emulator"] = EmulatorBenchmark.RunAsync,
    ["ec2"] = Ec2Benchmark.RunAsync,
    ["crash-trials"] = () => CrashTrialsBenchmark.RunAsync(args[1..]),
};

if (args.Length < 1 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project bench/Acode.Benchmarks -- <{string.Join('|', benchmarks.Keys)}> [options]");
    return 2;
}

return await run();
