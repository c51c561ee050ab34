namespace Acode.Infrastructure.Compute.Ec2.UserData;

/// <summary>
/// The client side of the dead-man switch: the command the EC2 target runs over SSH every
/// <see cref="DeadManSwitchOptions.RecommendedHeartbeatInterval"/> to push the shutdown back.
/// </summary>
public static class HeartbeatCommand
{
    /// <summary>Returns the shell command that refreshes the heartbeat file's modification time.</summary>
    /// <remarks><c>touch</c> runs on the instance, so the instance's own clock stamps it: no clock skew to worry about.</remarks>
    public static string For(DeadManSwitchOptions options) => "touch -- " + ShellQuote.Quote(options.HeartbeatFilePath);
}
