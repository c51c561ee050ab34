using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Acode.Ec2Emulator.Auth;
using Acode.Ec2Emulator.Control;
using Acode.Ec2Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace Acode.Ec2Emulator.Pricing;

/// <summary>
/// The AWS Price List Query API (JSON 1.1, <c>X-Amz-Target: AWSPriceListService.*</c>, signed for service
/// <c>pricing</c>): <c>GetProducts</c> for <c>ServiceCode</c> AmazonEC2 over the catalogue's products, with
/// <c>TERM_MATCH</c> filters (case-insensitive, as AWS matches them), <c>MaxResults</c> (1-100, default 100) and
/// <c>NextToken</c>. Anything else: <c>UnknownOperationException</c>.
/// </summary>
internal sealed class PricingEndpoint(EmulatorServices services)
{
    private const string ContentType = "application/x-amz-json-1.1";
    private const string TargetPrefix = "AWSPriceListService.";

    public async Task HandleAsync(HttpContext http, byte[] body, AuthOutcome auth)
    {
        var requestId = Guid.NewGuid().ToString();
        var target = http.Request.Headers["X-Amz-Target"].ToString();
        var operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : target;
        string? error = null;
        try
        {
            Authenticate(auth);
            var result = operation == "GetProducts"
                ? GetProducts(Parse(body))
                : throw new PricingException("UnknownOperationException", $"Unknown operation {operation}");
            await HttpBody.WriteAsync(http.Response, 200, ContentType, result.ToJsonString(), requestId);
        }
        catch (PricingException ex)
        {
            error = ex.Code;
            await HttpBody.WriteAsync(http.Response, ex.Status, ContentType, new JsonObject { ["__type"] = ex.Code, ["Message"] = ex.Message }.ToJsonString(), requestId);
        }
        finally
        {
            services.Log.Add(new ActionLogEntry("pricing", operation, auth.AccessKeyId, services.Time.GetUtcNow(), error));
        }
    }

    private static void Authenticate(AuthOutcome auth)
    {
        switch (auth.Failure)
        {
            case AuthFailureKind.None:
                return;
            case AuthFailureKind.BadSignature or AuthFailureKind.Expired:
                throw new PricingException("InvalidSignatureException", "The request signature we calculated does not match the signature you provided.");
            case AuthFailureKind.Missing:
                throw new PricingException("MissingAuthenticationTokenException", "Missing Authentication Token", 403);
            default:
                throw new PricingException("UnrecognizedClientException", "The security token included in the request is invalid.");
        }
    }

    private static JsonObject Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw new PricingException("SerializationException", "Expected a JSON object.");
        }
        catch (JsonException)
        {
            throw new PricingException("SerializationException", "The request body is not valid JSON.");
        }
    }

    private static JsonObject GetProducts(JsonObject request)
    {
        var serviceCode = Text(request, "ServiceCode") ?? throw new PricingException("InvalidParameterException", "ServiceCode is required.");
        if (serviceCode != "AmazonEC2")
        {
            throw new PricingException("NotFoundException", $"Service code {serviceCode} is not served by this endpoint.");
        }

        var filters = new List<(string Field, string Value)>();
        foreach (var node in request["Filters"] as JsonArray ?? [])
        {
            var type = Text(node, "Type");
            var field = Text(node, "Field");
            var value = Text(node, "Value");
            if (type != "TERM_MATCH" || field is null || value is null)
            {
                throw new PricingException("InvalidParameterException", "Each filter needs Type TERM_MATCH, a Field and a Value.");
            }

            filters.Add((field, value));
        }

        var maxResults = request["MaxResults"] is JsonValue m && m.TryGetValue<int>(out var n) ? n : 100;
        if (maxResults is < 1 or > 100)
        {
            throw new PricingException("InvalidParameterException", "MaxResults must be between 1 and 100.");
        }

        var start = 0;
        if (Text(request, "NextToken") is { } token && !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out start))
        {
            throw new PricingException("InvalidNextTokenException", "The next token is not valid.");
        }

        var matching = PriceListProducts.All.Where(p => filters.All(f =>
            p.Attributes.TryGetValue(f.Field, out var v) && string.Equals(v, f.Value, StringComparison.OrdinalIgnoreCase))).ToList();
        var page = matching.Skip(start).Take(maxResults).Select(p => (JsonNode)JsonValue.Create(p.Document)!).ToArray();
        var reply = new JsonObject { ["FormatVersion"] = "aws_v1", ["PriceList"] = new JsonArray(page) };
        if (start + maxResults < matching.Count)
        {
            reply["NextToken"] = (start + maxResults).ToString(CultureInfo.InvariantCulture);
        }

        return reply;
    }

    private static string? Text(JsonNode? node, string name) =>
        (node as JsonObject)?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
