if (args.Length > 0 && args[0] == "emulator")
{
    return await Acode.Benchmarks.EmulatorBenchmark.RunAsync();
}

return 0;
