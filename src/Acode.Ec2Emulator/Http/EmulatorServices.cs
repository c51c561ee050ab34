using Acode.Ec2Emulator.Actions;
using Acode.Ec2Emulator.Auth;
using Acode.Ec2Emulator.Control;
using Acode.Ec2Emulator.Lifecycle;
using Acode.Ec2Emulator.State;
using Microsoft.Extensions.Logging;

namespace Acode.Ec2Emulator.Http;

/// <summary>The parts every endpoint shares.</summary>
internal sealed class EmulatorServices
{
    public required EmulatorOptions Options { get; init; }
    public required EmulatorState State { get; init; }
    public required CredentialStore Credentials { get; init; }
    public required SigV4Verifier Verifier { get; init; }
    public required ActionRegistry Actions { get; init; }
    public required FaultInjector Faults { get; init; }
    public required ActionLog Log { get; init; }
    public required InstanceLifecycle Lifecycle { get; init; }
    public required TimeProvider Time { get; init; }
    public required ILogger Logger { get; init; }
    public required Func<Uri> ImdsUrl { get; init; }
}
