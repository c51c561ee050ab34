using System.Text.Json;
using System.Text.Json.Nodes;
using Acode.Ec2Emulator.Auth;
using Acode.Ec2Emulator.State;
using Microsoft.AspNetCore.Http;

namespace Acode.Ec2Emulator.Control;

/// <summary>
/// The control API under <c>/_emulator/</c> (JSON, loopback only, unauthenticated): the same operations as the
/// control methods of <see cref="Ec2Emulator"/>, for out-of-process users.
/// </summary>
internal sealed class ControlEndpoint(Ec2Emulator emulator)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task HandleAsync(HttpContext http)
    {
        var segments = (http.Request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var method = http.Request.Method;
        try
        {
            JsonNode? body = null;
            if (HttpMethods.IsPost(method))
            {
                var bytes = await Http.HttpBody.ReadAsync(http.Request, http.RequestAborted) ?? throw new ArgumentException("Body too large.");
                body = bytes.Length == 0 ? new JsonObject() : JsonNode.Parse(bytes);
            }

            var result = Dispatch(method, segments[1..], body);
            if (result is null)
            {
                await Reply(http, 404, new JsonObject { ["error"] = "No such control endpoint." });
                return;
            }

            await Reply(http, 200, result);
        }
        catch (Exception ex) when (ex is ArgumentException or KeyNotFoundException or InvalidOperationException or JsonException or FormatException)
        {
            await Reply(http, ex is KeyNotFoundException ? 404 : 400, new JsonObject { ["error"] = ex.Message });
        }
    }

    private JsonNode? Dispatch(string method, string[] path, JsonNode? body)
    {
        var ok = new JsonObject { ["ok"] = true };
        switch (method, path)
        {
            case ("GET", []):
                return new JsonObject { ["serviceUrl"] = emulator.ServiceUrl.ToString(), ["imdsUrl"] = emulator.ImdsUrl.ToString(), ["region"] = emulator.Region };
            case ("POST", ["reset"]):
                emulator.Reset();
                return ok;
            case ("GET", ["actions"]):
                return JsonSerializer.SerializeToNode(emulator.ActionLog, Json);
            case ("DELETE", ["actions"]):
                emulator.ClearActionLog();
                return ok;
            case ("GET", ["requests"]):
                return new JsonObject
                {
                    ["count"] = emulator.RequestCount,
                    ["byPath"] = new JsonObject(emulator.RequestCountByPath.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                };
            case ("DELETE", ["requests"]):
                emulator.ClearRequestCount();
                return ok;
            case ("GET", ["settings"]):
                return SettingsJson(emulator.Settings);
            case ("POST", ["settings"]):
                emulator.Settings = ApplySettings(emulator.Settings, Object(body));
                return SettingsJson(emulator.Settings);
            case ("POST", ["instances", var id, "launch-time"]):
                emulator.SetLaunchTime(id, DateTimeOffset.Parse(String(body, "launchTime") ?? throw new ArgumentException("launchTime is required."), System.Globalization.CultureInfo.InvariantCulture));
                return ok;
            case ("GET", ["instances", var id, "machine"]):
                var machine = emulator.FindMachine(id) ?? throw new KeyNotFoundException($"No machine for {id}.");
                return new JsonObject
                {
                    ["address"] = machine.Address?.ToString(), ["sshPort"] = machine.SshPort, ["userName"] = machine.LoginUserName, ["booted"] = machine.IsBooted,
                };
            case ("POST", ["instances", var id, "spot-interruption"]):
                emulator.InterruptSpotInstance(id, Number(body, "noticeSeconds") is { } s ? TimeSpan.FromSeconds(s) : null);
                return ok;
            case ("POST", ["faults"]):
                emulator.InjectFault(body.Deserialize<FaultRule>(Json) ?? throw new ArgumentException("A fault is required."));
                return ok;
            case ("POST", ["ssm-parameters", "unpublished"]):
                emulator.UnpublishParameter(String(body, "region") ?? throw new ArgumentException("region is required."), String(body, "name") ?? throw new ArgumentException("name is required."));
                return ok;
            case ("DELETE", ["faults"]):
                emulator.ClearFaults();
                return ok;
            case ("POST", ["spot-prices"]):
                emulator.SetSpotPrice(String(body, "instanceType") ?? throw new ArgumentException("instanceType is required."), String(body, "availabilityZone"),
                    (decimal)(Number(body, "price") ?? throw new ArgumentException("price is required.")));
                return ok;
            case ("POST", ["reserved-instances"]):
                emulator.AddReservedInstances(body.Deserialize<ReservedInstanceRecord>(Json) ?? throw new ArgumentException("A reservation is required."));
                return ok;
            case ("POST", ["credentials"]):
                var allowed = Object(body)["allowedActions"] as JsonArray;
                emulator.AddCredential(new EmulatorCredential
                {
                    AccessKeyId = String(body, "accessKeyId") ?? throw new ArgumentException("accessKeyId is required."),
                    SecretAccessKey = String(body, "secretAccessKey") ?? throw new ArgumentException("secretAccessKey is required."),
                    AllowedActions = allowed?.Select(a => a?.GetValue<string>() ?? string.Empty).ToHashSet(StringComparer.Ordinal),
                });
                return ok;
            default:
                return null;
        }
    }

    private static JsonObject Object(JsonNode? body) => body as JsonObject ?? throw new ArgumentException("A JSON object is required.");

    private static string? String(JsonNode? body, string name) => Object(body)[name]?.GetValue<string>();

    private static double? Number(JsonNode? body, string name) => Object(body)[name]?.GetValue<double>();

    private static EmulatorSettings ApplySettings(EmulatorSettings current, JsonObject body)
    {
        TimeSpan Ms(string name, TimeSpan fallback) => body[name] is { } v ? TimeSpan.FromMilliseconds(v.GetValue<double>()) : fallback;
        return current with
        {
            BootDelay = Ms("bootDelayMs", current.BootDelay),
            SshDelay = Ms("sshDelayMs", current.SshDelay),
            StopDelay = Ms("stopDelayMs", current.StopDelay),
            TerminateDelay = Ms("terminateDelayMs", current.TerminateDelay),
            TerminatedVisibility = Ms("terminatedVisibilityMs", current.TerminatedVisibility),
            SpotInterruptionNotice = Ms("spotInterruptionNoticeMs", current.SpotInterruptionNotice),
            DefaultVpc = body["defaultVpc"] is { } d ? d.GetValue<bool>() : current.DefaultVpc,
        };
    }

    private static JsonObject SettingsJson(EmulatorSettings s) => new()
    {
        ["bootDelayMs"] = s.BootDelay.TotalMilliseconds,
        ["sshDelayMs"] = s.SshDelay.TotalMilliseconds,
        ["stopDelayMs"] = s.StopDelay.TotalMilliseconds,
        ["terminateDelayMs"] = s.TerminateDelay.TotalMilliseconds,
        ["terminatedVisibilityMs"] = s.TerminatedVisibility.TotalMilliseconds,
        ["spotInterruptionNoticeMs"] = s.SpotInterruptionNotice.TotalMilliseconds,
        ["defaultVpc"] = s.DefaultVpc,
    };

    private static Task Reply(HttpContext http, int status, JsonNode node)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(node.ToJsonString(), http.RequestAborted);
    }
}
