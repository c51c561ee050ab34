using System.Globalization;
using Acode.Ec2Emulator.Catalog;
using Acode.Ec2Emulator.Protocol;

namespace Acode.Ec2Emulator.Actions;

/// <summary>
/// RunInstances' <c>MetadataOptions</c> and the account's default EBS key, as AWS applies them: an AMI registered with
/// <c>ImdsSupport=v2.0</c> (Amazon Linux 2023) requires tokens unless the request says otherwise, others allow IMDSv1;
/// the hop limit defaults to 1 and is 1..64.
/// </summary>
internal static class InstanceMetadata
{
    public static (string HttpTokens, int HopLimit, string HttpEndpoint) FromRequest(QueryParameters p, ImageRecord image)
    {
        var tokens = p.Get("MetadataOptions.HttpTokens") ?? (ImdsV2Only(image) ? "required" : "optional");
        if (tokens is not ("optional" or "required"))
        {
            throw Ec2Exception.InvalidValue("MetadataOptions.HttpTokens", tokens);
        }

        var hopLimit = p.GetInt("MetadataOptions.HttpPutResponseHopLimit") ?? 1;
        if (hopLimit is < 1 or > 64)
        {
            throw Ec2Exception.InvalidValue("MetadataOptions.HttpPutResponseHopLimit", hopLimit.ToString(CultureInfo.InvariantCulture));
        }

        var endpoint = p.Get("MetadataOptions.HttpEndpoint") ?? "enabled";
        return endpoint is "enabled" or "disabled" ? (tokens, hopLimit, endpoint) : throw Ec2Exception.InvalidValue("MetadataOptions.HttpEndpoint", endpoint);
    }

    /// <summary>The key of alias <c>aws/ebs</c>, which encrypts a volume when the request names none.</summary>
    public static string DefaultEbsKey(string region, string accountId) =>
        $"arn:aws:kms:{region}:{accountId}:key/0e5bd1c2-eb50-4d1e-8c1a-{accountId.PadLeft(12, '0')[..12]}";

    private static bool ImdsV2Only(ImageRecord image) => image.Name.StartsWith("al2023-", StringComparison.Ordinal);
}
