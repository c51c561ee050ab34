using Acode.Benchmarks;

// `dotnet run --project bench/Acode.Benchmarks -c Release -- machines` measures the emulator's machines;
// `-- emulator` measures its API through the AWS SDK.
return args switch
{
    ["machines", ..] => await MachinesBenchmark.RunAsync(),
    ["emulator", ..] => await EmulatorBenchmark.RunAsync(),
    _ => 0,
};
