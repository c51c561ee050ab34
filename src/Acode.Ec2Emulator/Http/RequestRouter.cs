using Acode.Ec2Emulator.Auth;
using Acode.Ec2Emulator.Control;
using Acode.Ec2Emulator.Imds;
using Acode.Ec2Emulator.Pricing;
using Acode.Ec2Emulator.Protocol;
using Acode.Ec2Emulator.Ssm;
using Acode.Ec2Emulator.Sts;
using Microsoft.AspNetCore.Http;

namespace Acode.Ec2Emulator.Http;

/// <summary>
/// Routes a request as AWS would: the IMDS port to the metadata service, <c>/_emulator/</c> to the control API, and
/// API calls by the SigV4 credential scope's service (<c>ec2</c>, <c>ssm</c>, <c>sts</c>, <c>pricing</c>).
/// </summary>
internal sealed class RequestRouter(EmulatorServices services, ImdsEndpoint imds, ControlEndpoint control, Func<int> imdsPort)
{
    private readonly Ec2Endpoint _ec2 = new(services);
    private readonly SsmEndpoint _ssm = new(services);
    private readonly StsEndpoint _sts = new(services);
    private readonly PricingEndpoint _pricing = new(services);

    public async Task HandleAsync(HttpContext http)
    {
        try
        {
            await RouteAsync(http);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !http.Response.HasStarted)
        {
            // Last line of defence: bad input must never end in an empty 500 or a crash.
            services.Logger.UnhandledError(ex, http.Request.Path.Value ?? "/");
            var requestId = Guid.NewGuid().ToString();
            await HttpBody.WriteAsync(http.Response, 500, "text/xml", Ec2Endpoint.ErrorXml("InternalError", "An internal error has occurred.", requestId), requestId);
        }
    }

    private async Task RouteAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/_emulator", StringComparison.Ordinal))
        {
            services.Requests.Add(http.Request.Path.Value is { Length: > 0 } path ? path : "/");
        }

        if (http.Connection.LocalPort == imdsPort())
        {
            await imds.HandleAsync(http);
            return;
        }

        if (http.Request.Path.StartsWithSegments("/_emulator", StringComparison.Ordinal))
        {
            await control.HandleAsync(http);
            return;
        }

        var body = await HttpBody.ReadAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            await HttpBody.WriteAsync(http.Response, 413, "text/xml", Ec2Endpoint.ErrorXml("RequestEntityTooLarge", "The request body is too large.", Guid.NewGuid().ToString()), Guid.NewGuid().ToString());
            return;
        }

        var auth = services.Options.VerifySignatures
            ? services.Verifier.Verify(http.Request, body)
            : Unverified(http.Request);
        var service = auth.Service ?? SigV4Verifier.ScopeService(http.Request) ?? TargetService(http.Request);
        if (service == "pricing")
        {
            await _pricing.HandleAsync(http, body, auth);
            return;
        }

        if (service == "ssm")
        {
            await _ssm.HandleAsync(http, body, auth);
            return;
        }

        var parameters = Merge(http.Request, HttpBody.Text(body));
        if (service == "sts" || (service is null && parameters.Get("Version") == "2011-06-15"))
        {
            await _sts.HandleAsync(http, parameters, auth);
            return;
        }

        await _ec2.HandleAsync(http, parameters, auth);
    }

    // Unsigned JSON 1.1 requests (VerifySignatures off) say their service only in the target header.
    private static string? TargetService(HttpRequest request) =>
        request.Headers["X-Amz-Target"].ToString() switch
        {
            var t when t.StartsWith("AWSPriceListService.", StringComparison.Ordinal) => "pricing",
            { Length: > 0 } => "ssm",
            _ => null,
        };

    private AuthOutcome Unverified(HttpRequest request)
    {
        var credential = services.Credentials.Find(services.Options.AccessKeyId)!;
        return new AuthOutcome(AuthFailureKind.None, SigV4Verifier.ScopeService(request), credential.AccessKeyId, credential);
    }

    private static QueryParameters Merge(HttpRequest request, string body)
    {
        var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        var isForm = request.ContentType?.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            || (request.ContentType is null && body.Contains('=', StringComparison.Ordinal));
        return QueryParameters.Parse(isForm ? query + "&" + body : query);
    }
}
