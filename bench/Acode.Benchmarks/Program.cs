using Acode.Benchmarks;

// `dotnet run --project bench/Acode.Benchmarks -c Release -- machines` measures the emulator's machines.
return args is ["machines", ..] ? await MachinesBenchmark.RunAsync() : 0;
