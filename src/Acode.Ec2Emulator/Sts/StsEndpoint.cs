using Acode.Ec2Emulator.Auth;
using Acode.Ec2Emulator.Control;
using Acode.Ec2Emulator.Http;
using Acode.Ec2Emulator.Protocol;
using Microsoft.AspNetCore.Http;

namespace Acode.Ec2Emulator.Sts;

/// <summary>STS (AWS Query protocol, 2011-06-15): GetCallerIdentity for the signing key.</summary>
internal sealed class StsEndpoint(EmulatorServices services)
{
    private const string ContentType = "text/xml";

    public async Task HandleAsync(HttpContext http, QueryParameters parameters, AuthOutcome auth)
    {
        var requestId = Guid.NewGuid().ToString();
        var action = parameters.Get("Action") ?? string.Empty;
        var (code, status, message) = auth.Failure switch
        {
            AuthFailureKind.None => (null, 200, null),
            AuthFailureKind.BadSignature => ("SignatureDoesNotMatch", 403, "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."),
            AuthFailureKind.Expired => ("ExpiredToken", 403, "The security token included in the request is expired"),
            AuthFailureKind.Missing => ("MissingAuthenticationToken", 403, "Request is missing Authentication Token"),
            _ => ("InvalidClientTokenId", 403, "The security token included in the request is invalid"),
        };
        if (code is null && action != "GetCallerIdentity")
        {
            (code, status, message) = ("InvalidAction", 400, $"Could not find operation {action} for version 2011-06-15");
        }

        services.Log.Add(new ActionLogEntry("sts", action, auth.AccessKeyId, services.Time.GetUtcNow(), code));
        if (code is not null)
        {
            var error = new XmlReply("ErrorResponse", Namespaces.Sts);
            error.Open("Error").E("Type", "Sender").E("Code", code).E("Message", message).Close().E("RequestId", requestId);
            await HttpBody.WriteAsync(http.Response, status, ContentType, error.Finish(), requestId);
            return;
        }

        var credential = auth.Credential!;
        var reply = new XmlReply("GetCallerIdentityResponse", Namespaces.Sts);
        reply.Open("GetCallerIdentityResult").E("Arn", credential.EffectiveArn).E("UserId", UserId(credential)).E("Account", credential.AccountId).Close();
        reply.Open("ResponseMetadata").E("RequestId", requestId).Close();
        await HttpBody.WriteAsync(http.Response, 200, ContentType, reply.Finish(), requestId);
    }

    private static string UserId(EmulatorCredential credential)
    {
        var arn = credential.EffectiveArn;
        return arn.Contains(":assumed-role/", StringComparison.Ordinal)
            ? "AROA" + credential.AccountId + ":" + arn[(arn.LastIndexOf('/') + 1)..]
            : arn.EndsWith(":root", StringComparison.Ordinal) ? credential.AccountId : credential.AccessKeyId;
    }
}
