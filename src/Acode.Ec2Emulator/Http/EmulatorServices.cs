using Acode.Ec2Emulator.Actions;
using Acode.Ec2Emulator.Auth;
using Acode.Ec2Emulator.Control;
using Acode.Ec2Emulator.State;
using Microsoft.Extensions.Logging;

namespace Acode.Ec2Emulator.Http;

/// <summary>The parts every endpoint shares.</summary>
internal sealed class EmulatorServices
{
    public required EmulatorOptions Options { get; init; }
    public required EmulatorRegions Regions { get; init; }

    /// <summary>The default region's state (the host's IMDS, the control API).</summary>
    public EmulatorState State => Regions.Default.State;
    public required CredentialStore Credentials { get; init; }
    public required SigV4Verifier Verifier { get; init; }
    public required ActionRegistry Actions { get; init; }
    public required FaultInjector Faults { get; init; }
    public required ActionLog Log { get; init; }
    public required RequestCounter Requests { get; init; }
    public required TimeProvider Time { get; init; }
    public required ILogger Logger { get; init; }
    public required Func<Uri> ImdsUrl { get; init; }
}
