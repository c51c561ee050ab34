namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>What cleanup did with one resource.</summary>
public enum Ec2CleanupAction
{
    /// <summary>Dry run: the instance would be terminated.</summary>
    WouldTerminate,

    /// <summary>Dry run: the security group or key pair would be deleted.</summary>
    WouldDelete,

    /// <summary>The instance was terminated.</summary>
    Terminated,

    /// <summary>The security group or key pair was deleted.</summary>
    Deleted,

    /// <summary>It was already gone (terminated, not found): success, cleanup is idempotent.</summary>
    AlreadyGone,

    /// <summary>Left alone on purpose (tag removed, in use, live session, too young); the reason says which.</summary>
    Skipped,

    /// <summary>AWS refused or the retries ran out; the reason holds the error code.</summary>
    Failed,
}
