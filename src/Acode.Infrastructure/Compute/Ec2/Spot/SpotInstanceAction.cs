using System.Globalization;
using System.Text.Json;

namespace Acode.Infrastructure.Compute.Ec2.Spot;

/// <summary>
/// The shell command that reads a spot instance's interruption notice from its metadata service, and the parser of
/// its output. The command asks for an IMDSv2 token (falling back to IMDSv1 when that fails), honours
/// <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c> (the emulator sets it per instance; a real instance has none and uses
/// 169.254.169.254), and prints the body followed by a last line with the HTTP status.
/// </summary>
public static class SpotInstanceAction
{
    /// <summary>The metadata path of the notice (ec2-api-facts 8.3): JSON when marked, HTTP 404 otherwise.</summary>
    public const string MetadataPath = "latest/meta-data/spot/instance-action";

    /// <summary>The command to run on the instance over SSH (POSIX sh with curl).</summary>
    public const string Command =
        "e=\"${AWS_EC2_METADATA_SERVICE_ENDPOINT:-http://169.254.169.254}\"; e=\"${e%/}\"; "
        + "t=$(curl -sf -m 2 -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 60' \"$e/latest/api/token\" 2>/dev/null); "
        + "curl -s -m 2 -w '\\n%{http_code}' ${t:+-H \"X-aws-ec2-metadata-token: $t\"} \"$e/" + MetadataPath + "\"";

    /// <summary>Parses the command's output.</summary>
    /// <returns>The notice's action and time; null when there is no notice (HTTP 404).</returns>
    /// <exception cref="FormatException">The output is not a notice or a 404 (IMDS unreachable, curl missing, ...).</exception>
    public static (string Action, DateTimeOffset Time)? Parse(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var text = stdout.TrimEnd('\r', '\n');
        var split = text.LastIndexOf('\n');
        var status = (split < 0 ? text : text[(split + 1)..]).Trim();
        var body = split < 0 ? string.Empty : text[..split];
        switch (status)
        {
            case "404":
                return null;
            case "200":
                break;
            default:
                throw new FormatException($"metadata service answered HTTP {(status.Length == 0 ? "(none)" : status)}");
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var action = json.RootElement.GetProperty("action").GetString();
            var time = json.RootElement.GetProperty("time").GetString();
            if (string.IsNullOrEmpty(action) || time is null)
            {
                throw new FormatException("the notice has no action or time");
            }

            return (action, DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("the notice is not the JSON EC2 documents", e);
        }
    }
}
