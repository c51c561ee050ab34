using System.Text.Json;
using System.Text.Json.Nodes;
using Acode.Ec2Emulator.Auth;
using Acode.Ec2Emulator.Catalog;
using Acode.Ec2Emulator.Control;
using Acode.Ec2Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace Acode.Ec2Emulator.Ssm;

/// <summary>
/// SSM Parameter Store (AWS JSON 1.1, <c>X-Amz-Target: AmazonSSM.*</c>): GetParameter and GetParameters for the
/// public AMI parameters that point at the emulator's images.
/// </summary>
internal sealed class SsmEndpoint(EmulatorServices services)
{
    private const string ContentType = "application/x-amz-json-1.1";

    public async Task HandleAsync(HttpContext http, byte[] body, AuthOutcome auth)
    {
        var requestId = Guid.NewGuid().ToString();
        var target = http.Request.Headers["X-Amz-Target"].ToString();
        var operation = target.StartsWith("AmazonSSM.", StringComparison.Ordinal) ? target["AmazonSSM.".Length..] : target;
        string? error = null;
        try
        {
            Authenticate(auth);
            var request = Parse(body);
            var region = Ec2Endpoint.RegionOf(http.Request) ?? services.State.Region;
            var result = operation switch
            {
                "GetParameter" => GetParameter(request, region),
                "GetParameters" => GetParameters(request, region),
                _ => throw new SsmException("UnknownOperationException", $"Unknown operation {operation}"),
            };
            await HttpBody.WriteAsync(http.Response, 200, ContentType, result.ToJsonString(), requestId);
        }
        catch (SsmException ex)
        {
            error = ex.Code;
            var payload = new JsonObject { ["__type"] = ex.Code, ["message"] = ex.Message };
            await HttpBody.WriteAsync(http.Response, 400, ContentType, payload.ToJsonString(), requestId);
        }
        finally
        {
            services.Log.Add(new ActionLogEntry("ssm", operation, auth.AccessKeyId, services.Time.GetUtcNow(), error));
        }
    }

    private static void Authenticate(AuthOutcome auth)
    {
        switch (auth.Failure)
        {
            case AuthFailureKind.None:
                return;
            case AuthFailureKind.BadSignature:
                throw new SsmException("InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
            case AuthFailureKind.Expired:
                throw new SsmException("InvalidSignatureException", "Signature expired.");
            case AuthFailureKind.Missing:
                throw new SsmException("MissingAuthenticationTokenException", "Missing Authentication Token");
            default:
                throw new SsmException("UnrecognizedClientException", "The security token included in the request is invalid.");
        }
    }

    private static JsonObject Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw new SsmException("SerializationException", "Expected a JSON object.");
        }
        catch (JsonException)
        {
            throw new SsmException("SerializationException", "The request body is not valid JSON.");
        }
    }

    private JsonObject GetParameter(JsonObject request, string region)
    {
        var name = request["Name"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrEmpty(name))
        {
            throw new SsmException("ValidationException", "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");
        }

        return new JsonObject { ["Parameter"] = Find(name, region) ?? throw new SsmException("ParameterNotFound", string.Empty) };
    }

    private JsonObject GetParameters(JsonObject request, string region)
    {
        var names = (request["Names"] as JsonArray)?.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).ToList();
        if (names is null || names.Count is 0 or > 10 || names.Any(string.IsNullOrEmpty))
        {
            throw new SsmException("ValidationException", "1 validation error detected: Value at 'names' failed to satisfy constraint: Member must have length between 1 and 10");
        }

        var found = new JsonArray();
        var invalid = new JsonArray();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (Find(name!, region) is { } parameter)
            {
                found.Add(parameter);
            }
            else
            {
                invalid.Add(name);
            }
        }

        return new JsonObject { ["Parameters"] = found, ["InvalidParameters"] = invalid };
    }

    private JsonObject? Find(string requested, string region)
    {
        var name = requested;
        if (name.StartsWith("arn:", StringComparison.Ordinal) && name.IndexOf(":parameter", StringComparison.Ordinal) is var at and >= 0)
        {
            name = name[(at + ":parameter".Length)..];
        }

        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            name = name[..colon];
        }

        var image = Images.All.FirstOrDefault(i => i.SsmParameters.Contains(name, StringComparer.Ordinal));
        lock (services.Regions.Gate)
        {
            if (image is null || services.Regions.Get(region).State.UnpublishedParameters.Contains(name))
            {
                return null;
            }
        }

        return new JsonObject
        {
            ["Name"] = name,
            ["Type"] = "String",
            ["Value"] = image.ImageId,
            ["Version"] = 1,
            ["LastModifiedDate"] = DateTimeOffset.Parse(image.CreationDate, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds(),
            ["ARN"] = $"arn:aws:ssm:{region}::parameter{name}",
            ["DataType"] = "text",
        };
    }
}
