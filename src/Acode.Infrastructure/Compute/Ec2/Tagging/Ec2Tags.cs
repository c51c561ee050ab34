using System.Globalization;

namespace Acode.Infrastructure.Compute.Ec2.Tagging;

/// <summary>Builds the tag set acode applies at creation (TagSpecifications) to every resource of a session.</summary>
public static class Ec2Tags
{
    // AWS limits (ec2 tag restrictions): 128 characters per key, 256 per value.
    private const int MaxValueLength = 256;

    /// <summary>Builds the tags.</summary>
    /// <param name="sessionId">The acode session id.</param>
    /// <param name="targetId">The compute target's id (its name in the configuration).</param>
    /// <param name="owner">Who launches, <c>user@host</c>; see <see cref="DefaultOwner"/>.</param>
    /// <param name="maxLifetime">How long the resource may live; <c>acode:expires-at</c> = now + this.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="userTags">The user's own tags (<c>ec2Target.tags</c>); they may not use acode's keys.</param>
    /// <returns>acode's five tags and the user's.</returns>
    /// <exception cref="ArgumentException">A user tag uses a reserved key (<c>acode</c>, <c>acode:*</c>).</exception>
    public static IReadOnlyDictionary<string, string> Create(
        string sessionId,
        string targetId,
        string owner,
        TimeSpan maxLifetime,
        TimeProvider timeProvider,
        IReadOnlyDictionary<string, string>? userTags = null)
    {
        var expiresAt = timeProvider.GetUtcNow().Add(maxLifetime);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Ec2TagKeys.Acode] = Ec2TagKeys.AcodeValue,
            [Ec2TagKeys.Session] = Limit(sessionId),
            [Ec2TagKeys.Owner] = Limit(owner),
            [Ec2TagKeys.ExpiresAt] = FormatTimestamp(expiresAt),
            [Ec2TagKeys.TargetId] = Limit(targetId),
        };

        var reserved = userTags?.Keys.Where(Ec2TagKeys.IsReserved).ToArray() ?? [];
        if (reserved.Length > 0)
        {
            throw new ArgumentException($"User tags may not use acode's reserved keys: {string.Join(", ", reserved)}.", nameof(userTags));
        }

        foreach (var (key, value) in userTags ?? new Dictionary<string, string>())
        {
            tags[key] = value;
        }

        return tags;
    }

    /// <summary>Formats a timestamp the way <c>acode:expires-at</c> holds it: <c>2026-01-02T03:04:05Z</c>.</summary>
    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses an <c>acode:expires-at</c> value; false when it is not one (a tag edited by hand).</summary>
    public static bool TryParseTimestamp(string? value, out DateTimeOffset timestamp) =>
        DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out timestamp);

    /// <summary>The owner of this process, <c>user@host</c>.</summary>
    public static string DefaultOwner() => $"{Environment.UserName}@{Environment.MachineName}";

    private static string Limit(string value) => value.Length <= MaxValueLength ? value : value[..MaxValueLength];
}
