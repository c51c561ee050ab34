namespace Acode.Application.Compute.Ssh;

/// <summary>Defaults of the SSH target, referenced by its configuration and documentation.</summary>
public static class SshTargetConstants
{
    /// <summary>The target type name.</summary>
    public const string TargetType = "ssh";

    /// <summary>The default SSH port.</summary>
    public const int DefaultPort = 22;

    /// <summary>The default connect (TCP + handshake + authentication) timeout.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default keep-alive interval of the persistent connection.</summary>
    public static readonly TimeSpan DefaultKeepAliveInterval = TimeSpan.FromSeconds(30);

    /// <summary>The default folder under which workspaces are created; <c>~</c> is the remote user's home.</summary>
    public const string DefaultWorkspaceRoot = "~/.acode/workspaces";
}
