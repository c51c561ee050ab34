using System.Security;
using Acode.Ec2Emulator.Actions;
using Acode.Ec2Emulator.Auth;
using Acode.Ec2Emulator.Control;
using Acode.Ec2Emulator.Protocol;
using Acode.Ec2Emulator.State;
using Microsoft.AspNetCore.Http;

namespace Acode.Ec2Emulator.Http;

/// <summary>The EC2 Query endpoint: authenticate, log, inject faults, dispatch under the state lock, reply in XML.</summary>
internal sealed class Ec2Endpoint(EmulatorServices services)
{
    private const string ContentType = "text/xml;charset=UTF-8";

    public async Task HandleAsync(HttpContext http, QueryParameters parameters, AuthOutcome auth)
    {
        var requestId = Guid.NewGuid().ToString();
        var action = parameters.Get("Action") ?? string.Empty;
        http.Response.Headers.Server = "AmazonEC2";
        try
        {
            var reply = Execute(action, parameters, auth, RegionOf(http.Request), requestId, out var dropConnection);
            if (dropConnection)
            {
                http.Abort();
                return;
            }

            Record(action, auth, null);
            await HttpBody.WriteAsync(http.Response, 200, ContentType, reply, requestId);
        }
        catch (Ec2Exception error)
        {
            Record(action, auth, error.Code);
            await HttpBody.WriteAsync(http.Response, error.Status, ContentType, ErrorXml(error.Code, error.Message, requestId), requestId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            services.Logger.UnhandledError(ex, action);
            Record(action, auth, "InternalError");
            await HttpBody.WriteAsync(http.Response, 500, ContentType, ErrorXml("InternalError", "An internal error has occurred.", requestId), requestId);
        }
    }

    /// <summary>The region a request is signed for (its own endpoint on AWS); unsigned or odd scopes get the default region.</summary>
    public static string? RegionOf(HttpRequest request) =>
        SigV4Verifier.ScopeRegion(request) is { } region && EmulatorRegions.IsRegionName(region) ? region : null;

    // Where a RunInstances (or CreateFleet's first override) would land, for faults that select a zone or a type.
    private (string? Zone, string? Type) LaunchTarget(QueryParameters p, string? region)
    {
        var type = p.Get("InstanceType") ?? p.Get("LaunchTemplateConfigs.1.Overrides.1.InstanceType");
        var subnetId = p.Get("SubnetId") ?? p.Get("NetworkInterface.1.SubnetId") ?? p.Get("LaunchTemplateConfigs.1.Overrides.1.SubnetId");
        lock (services.Regions.Gate)
        {
            var state = (region is null ? services.Regions.Default : services.Regions.Get(region)).State;
            var zone = p.Get("Placement.AvailabilityZone") ?? p.Get("LaunchTemplateConfigs.1.Overrides.1.AvailabilityZone")
                ?? (subnetId is null ? null : state.Subnets.Find(s => s.SubnetId == subnetId)?.AvailabilityZone)
                ?? (state.Subnets.Count > 0 ? state.Subnets[0].AvailabilityZone : null);
            return (zone, type);
        }
    }

    private string Execute(string action, QueryParameters parameters, AuthOutcome auth, string? region, string requestId, out bool dropConnection)
    {
        dropConnection = false;
        var credential = Authenticate(auth);
        if (action.Length == 0)
        {
            throw Ec2Exception.Missing("Action");
        }

        var definition = services.Actions.Find(action)
            ?? throw new Ec2Exception("InvalidAction", $"The action {action} is not valid for this web service.");
        if (services.Faults.Next(action, region ?? services.Regions.Default.State.Region, () => LaunchTarget(parameters, region), skipPoolFaults: action == "CreateFleet") is { } fault)
        {
            if (fault == FaultCodes.DropConnection)
            {
                dropConnection = true;
                return string.Empty;
            }

            var (status, message) = FaultCodes.Describe(fault);
            throw new Ec2Exception(fault, message, status);
        }

        var reply = new XmlReply(action + "Response", Namespaces.Ec2);
        reply.E("requestId", requestId);
        lock (services.Regions.Gate)
        {
            var regional = region is null ? services.Regions.Default : services.Regions.Get(region);
            var context = new ActionContext
            {
                Action = action,
                Params = parameters,
                State = regional.State,
                Lifecycle = regional.Lifecycle,
                Credential = credential,
                Now = services.Time.GetUtcNow(),
                DryRun = parameters.GetBool("DryRun"),
                Faults = services.Faults,
            };
            regional.State.Purge(context.Now);
            if (!definition.Mutating)
            {
                context.Checkpoint();
            }

            definition.Handler(context, reply);
            if (!context.Authorized)
            {
                throw new SecurityException($"Action {action} changed state without passing its checkpoint.");
            }
        }

        return reply.Finish();
    }

    private EmulatorCredential Authenticate(AuthOutcome auth) => auth.Failure switch
    {
        AuthFailureKind.None => auth.Credential!,
        AuthFailureKind.Missing => throw new Ec2Exception("MissingAuthenticationToken", "The request must contain either a valid (registered) AWS access key ID or X.509 certificate.", 401),
        AuthFailureKind.UnknownKey => throw new Ec2Exception("AuthFailure", "AWS was not able to validate the provided access credentials", 401),
        AuthFailureKind.Expired => throw new Ec2Exception("RequestExpired", "Request has expired.", 400),
        AuthFailureKind.Malformed => throw new Ec2Exception("AuthFailure", "AWS was not able to validate the provided access credentials", 401),
        _ => throw new Ec2Exception("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.", 403),
    };

    private void Record(string action, AuthOutcome auth, string? errorCode) =>
        services.Log.Add(new ActionLogEntry("ec2", action.Length == 0 ? "(none)" : action, auth.AccessKeyId, services.Time.GetUtcNow(), errorCode));

    public static string ErrorXml(string code, string message, string requestId)
    {
        var reply = new XmlReply("Response", string.Empty);
        reply.Open("Errors").Open("Error").E("Code", code).E("Message", message).Close().Close();
        reply.E("RequestID", requestId);
        return reply.Finish();
    }
}
