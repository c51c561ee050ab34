namespace Acode.Domain.Compute;

/// <summary>How far acode may reach beyond this machine. Only <see cref="Burst"/> may spend money in a cloud.</summary>
public enum OperatingMode
{
    /// <summary>Everything runs on this machine; no cloud target may be used. The default.</summary>
    LocalOnly,

    /// <summary>No network beyond the local machine and explicitly configured hosts; no cloud target.</summary>
    Airgapped,

    /// <summary>Work may burst to cloud targets such as EC2, which costs money.</summary>
    Burst,
}
