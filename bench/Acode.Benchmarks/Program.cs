using Acode.Benchmarks;
using Acode.Benchmarks.Ec2;

// `dotnet run --project bench/Acode.Benchmarks -c Release -- machines` measures the emulator's machines; `-- ec2` the EC2 target.
return args switch
{
    ["machines", ..] => await MachinesBenchmark.RunAsync(),
    ["ec2", ..] => await Ec2Benchmark.RunAsync(),
    _ => 0,
};
