namespace Acode.Ec2Emulator.Machines;

/// <summary>The effect of a shutdown request on the machine.</summary>
internal enum ShutdownAction
{
    /// <summary>Nothing for the emulator to do (reboot, warn-only, help, unknown arguments).</summary>
    None,

    /// <summary>Power off, now or after the request's delay; replaces an earlier schedule.</summary>
    PowerOff,

    /// <summary>Cancel a scheduled power-off.</summary>
    Cancel,
}
