namespace Acode.Ec2Emulator.Machines;

/// <summary>What the API layer asks a machine to be, fixed at launch.</summary>
public sealed record MachineSpec
{
    /// <summary>The EC2 instance id, e.g. <c>i-0123456789abcdef0</c>.</summary>
    public required string InstanceId { get; init; }

    /// <summary>
    /// The AMI's default login user (<c>ec2-user</c> for Amazon Linux, <c>ubuntu</c> for Ubuntu). Honoured when the
    /// emulator runs as root (the Linux user is created if missing, shared by all machines); otherwise ignored in
    /// favour of the emulator's own user, the only one a non-root sshd can log in (see <see cref="Machine.LoginUserName"/>).
    /// </summary>
    public required string UserName { get; init; }

    /// <summary>The key pair's public key as an OpenSSH line, authorised for <see cref="UserName"/>; null when launched without a key pair.</summary>
    public string? AuthorizedKey { get; init; }

    /// <summary>The decoded user data (a <c>#!</c> script, <c>#cloud-config</c>, or a MIME multi-part of them); null when none.</summary>
    public string? UserData { get; init; }

    /// <summary>Extra environment for every session and for user data, e.g. <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Asked each time sshd starts, given the port it listens on: the IPv4 CIDRs the instance's security groups admit on
    /// SSH; an empty list admits nobody; null (or no function) admits everyone.
    /// </summary>
    public Func<int, IReadOnlyList<string>?>? SshSources { get; init; }
}
