namespace Acode.Infrastructure.Compute.Ec2.Tagging;

/// <summary>
/// The tag keys acode puts on everything it creates (instance, volume, security group, key pair), so that teardown,
/// orphan sweeps and the IAM policy's <c>ec2:ResourceTag/acode</c> conditions can find exactly acode's resources.
/// </summary>
public static class Ec2TagKeys
{
    /// <summary>Marks a resource as acode's; the IAM policy limits Terminate/Stop/Start/Delete to it.</summary>
    public const string Acode = "acode";

    /// <summary>The value of <see cref="Acode"/>.</summary>
    public const string AcodeValue = "true";

    /// <summary>The acode session that created the resource.</summary>
    public const string Session = "acode:session";

    /// <summary>Who launched it, as <c>user@host</c>.</summary>
    public const string Owner = "acode:owner";

    /// <summary>When it must be gone at the latest (ISO-8601 UTC); orphan sweeps act on it.</summary>
    public const string ExpiresAt = "acode:expires-at";

    /// <summary>The configured compute target the resource belongs to.</summary>
    public const string TargetId = "acode:target-id";

    /// <summary>The prefix of every key acode reserves; user tags may not use it.</summary>
    public const string ReservedPrefix = "acode:";

    /// <summary>Whether a key is reserved for acode (<c>acode</c> or <c>acode:*</c>).</summary>
    public static bool IsReserved(string key) =>
        string.Equals(key, Acode, StringComparison.OrdinalIgnoreCase) || key.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase);
}
