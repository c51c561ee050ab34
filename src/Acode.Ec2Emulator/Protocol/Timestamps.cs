using System.Globalization;

namespace Acode.Ec2Emulator.Protocol;

/// <summary>The timestamp format of EC2 replies, e.g. <c>2018-05-10T08:03:30.000Z</c>.</summary>
internal static class Timestamps
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Whole seconds, as EC2 keeps launch times.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
