using System.Runtime.CompilerServices;

namespace Acode.Ec2Emulator.Tests;

/// <summary>
/// The AWS SDK reads <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c> once per process, when it first touches instance
/// metadata; so one emulator for the SDK's IMDS credential test starts with the test assembly and the variable is
/// set before any SDK client exists. It stops when the test process exits.
/// </summary>
internal static class SharedImds
{
    public static EmulatorHarness Harness { get; private set; } = null!;

    [ModuleInitializer]
    internal static void Start()
    {
        var emulator = EmulatorHarness.StartEmulatorAsync().GetAwaiter().GetResult();
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_SERVICE_ENDPOINT", emulator.ImdsUrl.ToString());
        Harness = new EmulatorHarness(emulator);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Harness.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
