using Acode.Ec2Emulator.Lifecycle;

namespace Acode.Ec2Emulator.State;

/// <summary>One region of the emulated account: its resources and the lifecycle that moves its instances.</summary>
internal sealed record RegionalState(EmulatorState State, InstanceLifecycle Lifecycle);
