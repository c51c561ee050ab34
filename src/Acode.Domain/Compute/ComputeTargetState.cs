namespace Acode.Domain.Compute;

/// <summary>The lifecycle state of a compute target.</summary>
public enum ComputeTargetState
{
    /// <summary>Created but not prepared: nothing remote exists yet.</summary>
    NotProvisioned,

    /// <summary>Preparing: connecting, provisioning or creating the workspace.</summary>
    Provisioning,

    /// <summary>Prepared: commands and transfers may run.</summary>
    Ready,

    /// <summary>Teardown is in progress.</summary>
    TearingDown,

    /// <summary>Torn down: every remote resource is released; the target cannot be used again.</summary>
    Terminated,

    /// <summary>Preparation failed; the target should be torn down.</summary>
    Failed,
}
