namespace Acode.Infrastructure.Compute.Ec2;

/// <summary>Bounds of the EC2 target's own cleanup work, which never runs on the caller's (maybe cancelled) token.</summary>
public static class Ec2TargetTimeouts
{
    /// <summary>
    /// Teardown as a whole: terminate, wait until the instance has released the temporary security group, delete it
    /// and the key pair. AWS takes up to about a minute to terminate; NFR-003 asks for the terminate call in 30 s.
    /// </summary>
    public static readonly TimeSpan Cleanup = TimeSpan.FromMinutes(3);

    /// <summary>One RunInstances call, which runs to completion even when the caller cancels (so its instance id is known).</summary>
    public static readonly TimeSpan Launch = TimeSpan.FromSeconds(60);

    /// <summary>The process-exit hook's budget: the host may kill the process soon after SIGTERM.</summary>
    public static readonly TimeSpan ProcessExit = TimeSpan.FromSeconds(5);

    /// <summary>Removing the SSH side (closing the connection) before the instance is terminated.</summary>
    public static readonly TimeSpan SshTeardown = TimeSpan.FromSeconds(5);
}
