using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Acode.Ec2Emulator.Auth;
using Acode.Ec2Emulator.Catalog;
using Acode.Ec2Emulator.Http;
using Acode.Ec2Emulator.State;
using Microsoft.AspNetCore.Http;

namespace Acode.Ec2Emulator.Imds;

/// <summary>
/// The instance metadata service on its own port: every GET needs a token from <c>PUT /latest/api/token</c> (IMDSv2),
/// except on an instance launched with <c>HttpTokens=optional</c>, which also answers token-less (IMDSv1) calls; an
/// instance with <c>HttpEndpoint=disabled</c> gets 403. <c>/latest/...</c> describes the emulator host itself (its IAM role, so the SDK's
/// instance-profile credentials work); <c>/&lt;instance-id&gt;/latest/...</c> describes that instance.
/// </summary>
internal sealed class ImdsEndpoint(EmulatorServices services)
{
    private static readonly TimeSpan CredentialLifetime = TimeSpan.FromHours(6);
    private static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (string Scope, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmulatorCredential> _issued = new(StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        var scope = string.Empty;
        var trimmed = path.TrimStart('/');
        if (trimmed.StartsWith("i-", StringComparison.Ordinal))
        {
            var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
            scope = slash < 0 ? trimmed : trimmed[..slash];
            trimmed = slash < 0 ? string.Empty : trimmed[(slash + 1)..].TrimStart('/');
        }

        var (status, contentType, text) = Answer(http, scope, trimmed);
        services.Log.Add(new Control.ActionLogEntry("imds", http.Request.Method + " " + path, scope.Length == 0 ? null : scope, services.Time.GetUtcNow(),
            status == 200 ? null : status.ToString(CultureInfo.InvariantCulture)));
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        await http.Response.WriteAsync(text, Encoding.UTF8);
    }

    private (int, string, string) Answer(HttpContext http, string scope, string path)
    {
        var now = services.Time.GetUtcNow();
        if (path == "latest/api/token")
        {
            if (!HttpMethods.IsPut(http.Request.Method))
            {
                return (405, "text/plain", string.Empty);
            }

            if (http.Request.Headers.ContainsKey("X-Forwarded-For"))
            {
                return (403, "text/plain", string.Empty);
            }

            var ttlText = http.Request.Headers["X-aws-ec2-metadata-token-ttl-seconds"].ToString();
            if (!int.TryParse(ttlText, NumberStyles.None, CultureInfo.InvariantCulture, out var ttl) || ttl is < 1 or > 21600)
            {
                return (400, "text/plain", string.Empty);
            }

            if (scope.Length > 0 && MetadataOptions(scope).HttpEndpoint == "disabled")
        {
            return (403, "text/plain", string.Empty);
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(42));
            _tokens[token] = (scope, now.AddSeconds(ttl));
            http.Response.Headers["X-aws-ec2-metadata-token-ttl-seconds"] = ttlText;
            return (200, "text/plain", token);
        }

        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            return (405, "text/plain", string.Empty);
        }

        var (tokens, endpoint) = scope.Length == 0 ? ("required", "enabled") : MetadataOptions(scope);
        if (endpoint == "disabled")
        {
            return (403, "text/plain", string.Empty);
        }

        // IMDSv1 (no token) is served only where the instance's HttpTokens is optional; a token, when sent, must be valid.
        var presented = http.Request.Headers["X-aws-ec2-metadata-token"].ToString();
        var v1 = presented.Length == 0 && tokens == "optional";
        if (!v1 && (!_tokens.TryGetValue(presented, out var session) || session.Expires < now || session.Scope != scope))
        {
            return (401, "text/plain", string.Empty);
        }

        var value = scope.Length == 0 ? HostValue(path, now) : InstanceValue(scope, path, now);
        return value is null ? (404, "text/plain", string.Empty) : (200, value.StartsWith('{') ? "application/json" : "text/plain", value);
    }

    /// <summary>The instance's metadata options, from whichever region holds it.</summary>
    private (string HttpTokens, string HttpEndpoint) MetadataOptions(string instanceId)
    {
        lock (services.Regions.Gate)
        {
            return services.Regions.FindInstance(instanceId) is (_, var instance) ? (instance.HttpTokens, instance.HttpEndpoint) : ("required", "enabled");
        }
    }

    private string? HostValue(string path, DateTimeOffset now)
    {
        var role = services.Options.HostRoleName;
        return path.TrimEnd('/') switch
        {
            "latest/meta-data" => "iam/\nplacement/\n",
            "latest/meta-data/iam" => "info\nsecurity-credentials/\n",
            "latest/meta-data/iam/security-credentials" => role,
            "latest/meta-data/iam/info" => IamInfo(role, now),
            "latest/meta-data/placement/region" => services.State.Region,
            "latest/meta-data/placement/availability-zone" => Regions.Zones(services.State.Region)[0],
            var p when p == "latest/meta-data/iam/security-credentials/" + role => Credentials("host", role, now),
            _ => null,
        };
    }

    private string? InstanceValue(string instanceId, string path, DateTimeOffset now)
    {
        lock (services.Regions.Gate)
        {
            if (services.Regions.FindInstance(instanceId) is not ({ State: var state }, var instance) || instance.State == InstanceState.Terminated)
            {
                return null;
            }

            var role = instance.RoleName;
            var key = instance.KeyName is null ? null : state.KeyPairs.Find(k => k.KeyName == instance.KeyName);
            return path.TrimEnd('/') switch
            {
                "latest/user-data" => instance.UserData is null ? null : Encoding.UTF8.GetString(Convert.FromBase64String(instance.UserData)),
                "latest/meta-data" => "ami-id\nhostname\ninstance-id\ninstance-life-cycle\ninstance-type\nlocal-hostname\nlocal-ipv4\nplacement/\npublic-ipv4\npublic-keys/\n" + (role is null ? string.Empty : "iam/\n") + (instance.IsSpot ? "spot/\n" : string.Empty),
                "latest/meta-data/instance-id" => instance.Id,
                "latest/meta-data/ami-id" => instance.Image.ImageId,
                "latest/meta-data/instance-type" => instance.Type.Name,
                "latest/meta-data/instance-life-cycle" => instance.IsSpot ? "spot" : "on-demand",
                "latest/meta-data/placement/availability-zone" => instance.Subnet.AvailabilityZone,
                "latest/meta-data/placement/region" => state.Region,
                "latest/meta-data/local-ipv4" => instance.PrivateIp,
                "latest/meta-data/hostname" or "latest/meta-data/local-hostname" => PrivateDns(instance.PrivateIp, state.Region),
                "latest/meta-data/public-ipv4" => instance.PublicIp,
                "latest/meta-data/public-keys" => key is null ? null : "0=" + key.KeyName,
                "latest/meta-data/public-keys/0/openssh-key" => key?.PublicKey,
                "latest/meta-data/iam/security-credentials" => role,
                "latest/meta-data/iam/info" => role is null ? null : IamInfo(role, now),
                "latest/meta-data/spot/instance-action" => instance.SpotAction is { } a
                    ? new JsonObject { ["action"] = a.Action, ["time"] = a.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) }.ToJsonString()
                    : null,
                "latest/meta-data/spot/termination-time" => instance.SpotAction is { Action: "terminate" } t
                    ? t.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                    : null,
                var p when role is not null && p == "latest/meta-data/iam/security-credentials/" + role => Credentials(instance.Id, role, now),
                _ => null,
            };
        }
    }

    internal static string PrivateDns(string privateIp, string region) =>
        $"ip-{privateIp.Replace('.', '-')}.{(region == "us-east-1" ? "ec2.internal" : region + ".compute.internal")}";

    private string IamInfo(string role, DateTimeOffset now) => new JsonObject
    {
        ["Code"] = "Success",
        ["LastUpdated"] = Iso(now),
        ["InstanceProfileArn"] = $"arn:aws:iam::{services.State.AccountId}:instance-profile/{role}",
        ["InstanceProfileId"] = "AIPA" + RandomNumberGenerator.GetHexString(17).ToUpperInvariant(),
    }.ToJsonString();

    /// <summary>Temporary credentials for a role, reused until five minutes before they expire.</summary>
    private string Credentials(string holder, string role, DateTimeOffset now)
    {
        var cacheKey = holder + "/" + role;
        if (!_issued.TryGetValue(cacheKey, out var credential) || credential.Expiration - now < RefreshBefore)
        {
            credential = new EmulatorCredential
            {
                AccessKeyId = "ASIA" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16),
                SecretAccessKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)),
                SessionToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)),
                AccountId = services.State.AccountId,
                Arn = $"arn:aws:sts::{services.State.AccountId}:assumed-role/{role}/{holder}",
                Expiration = now + CredentialLifetime,
            };
            services.Credentials.Add(credential);
            _issued[cacheKey] = credential;
        }

        return new JsonObject
        {
            ["Code"] = "Success",
            ["LastUpdated"] = Iso(now),
            ["Type"] = "AWS-HMAC",
            ["AccessKeyId"] = credential.AccessKeyId,
            ["SecretAccessKey"] = credential.SecretAccessKey,
            ["Token"] = credential.SessionToken,
            ["Expiration"] = Iso(credential.Expiration!.Value),
        }.ToJsonString();
    }

    public void Reset()
    {
        _tokens.Clear();
        _issued.Clear();
    }

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
