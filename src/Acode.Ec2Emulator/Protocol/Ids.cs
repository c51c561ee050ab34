using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Acode.Ec2Emulator.Protocol;

/// <summary>Resource ids in AWS's form: a prefix, a dash and 17 lower-case hex digits.</summary>
internal static partial class Ids
{
    public static string New(string prefix) => prefix + "-" + RandomNumberGenerator.GetHexString(17, lowercase: true);

    public static bool IsWellFormed(string id, string prefix) =>
        id.StartsWith(prefix + "-", StringComparison.Ordinal) && HexSuffix().IsMatch(id[(prefix.Length + 1)..]);

    [GeneratedRegex("^([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex HexSuffix();
}
