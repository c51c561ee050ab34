using Acode.Benchmarks.Ssh;

// Each benchmark is a subcommand in its own folder, so later ones (e.g. EC2 lifecycle) are added beside "ssh".
var benchmarks = new Dictionary<string, Func<Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["ssh"] = SshBenchmark.RunAsync,
};

if (args.Length != 1 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project bench/Acode.Benchmarks -- <{string.Join('|', benchmarks.Keys)}>");
    return 2;
}

return await run();
