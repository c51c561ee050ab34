namespace Acode.Application.Compute.Ec2;

/// <summary>How acode makes sure the SSH server it reaches is the instance it launched.</summary>
public enum Ec2HostKeyVerification
{
    /// <summary>
    /// Default: acode generates the instance's host key locally, passes it through cloud-init user data and pins it,
    /// so the very first connection is verified.
    /// </summary>
    Pinned,

    /// <summary>The host key fingerprints printed to the console (GetConsoleOutput) are trusted.</summary>
    ConsoleOutput,

    /// <summary>No verification; only when configured explicitly.</summary>
    Off,
}
