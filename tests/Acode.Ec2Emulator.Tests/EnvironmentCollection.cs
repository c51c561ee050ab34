namespace Acode.Ec2Emulator.Tests;

/// <summary>Tests that change process-wide environment variables run alone.</summary>
[CollectionDefinition("Environment", DisableParallelization = true)]
public sealed class EnvironmentCollection;
