using Acode.Infrastructure.Compute.Ec2.Keys;

namespace Acode.Infrastructure.Compute.Ec2.UserData;

/// <summary>What goes into an instance's user data.</summary>
public sealed record UserDataRequest
{
    /// <summary>Gets the host key to install and pin (<c>ssh_keys</c>); null to let the image generate its own.</summary>
    public GeneratedKeyPair? HostKey { get; init; }

    /// <summary>
    /// Gets whether cloud-init deletes the image's existing host keys first (<c>ssh_deletekeys</c>); null leaves it to
    /// cloud-init's default (true). Emitted only with a host key.
    /// </summary>
    public bool? DeleteExistingHostKeys { get; init; } = true;

    /// <summary>
    /// Gets the key types cloud-init generates (<c>ssh_genkeytypes</c>), null to omit. With <c>ssh_keys</c> present
    /// cloud-init generates none anyway; an empty list makes that explicit. Emitted only with a host key.
    /// </summary>
    public IReadOnlyList<string>? GenerateHostKeyTypes { get; init; } = [];

    /// <summary>Gets the dead-man switch settings; null for none.</summary>
    public DeadManSwitchOptions? DeadManSwitch { get; init; }

    /// <summary>
    /// Gets the user's own user data, raw (not base64): a <c>#!</c> script, a <c>#cloud-config</c>, another
    /// cloud-init format (<c>#cloud-boothook</c>, <c>#include</c>, <c>## template: jinja</c>), or a MIME multi-part
    /// document.
    /// </summary>
    public string? UserUserData { get; init; }
}
