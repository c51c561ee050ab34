using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Acode.Ec2Emulator.Auth;

/// <summary>
/// Verifies AWS Signature Version 4 (Authorization header form): rebuilds the canonical request from what arrived,
/// derives the signing key from the stored secret and compares signatures in constant time.
/// </summary>
internal sealed class SigV4Verifier(CredentialStore credentials, TimeProvider timeProvider)
{
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    /// <summary>Reads the credential scope's service without verifying anything (for routing).</summary>
    public static string? ScopeService(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var scope = Field(header, "Credential=");
        var parts = scope?.Split('/');
        return parts is { Length: 5 } ? parts[3] : null;
    }

    /// <summary>Reads the credential scope's region without verifying anything (which region's state a request sees).</summary>
    public static string? ScopeRegion(HttpRequest request)
    {
        var parts = Field(request.Headers.Authorization.ToString(), "Credential=")?.Split('/');
        return parts is { Length: 5 } ? parts[2] : null;
    }

    public AuthOutcome Verify(HttpRequest request, byte[] body)
    {
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return new AuthOutcome(AuthFailureKind.Missing, null, null, null);
        }

        if (!header.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return new AuthOutcome(AuthFailureKind.Malformed, null, null, null);
        }

        var scope = Field(header, "Credential=")?.Split('/');
        var signedHeaders = Field(header, "SignedHeaders=");
        var signature = Field(header, "Signature=");
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (scope is not { Length: 5 } || signedHeaders is null || signature is null || amzDate.Length != 16 || scope[4] != "aws4_request")
        {
            return new AuthOutcome(AuthFailureKind.Malformed, scope is { Length: 5 } ? scope[3] : null, scope?[0], null);
        }

        var (accessKeyId, date, region, service) = (scope[0], scope[1], scope[2], scope[3]);
        var credential = credentials.Find(accessKeyId);
        if (credential is null)
        {
            return new AuthOutcome(AuthFailureKind.UnknownKey, service, accessKeyId, null);
        }

        if (credential.SessionToken is not null
            && !string.Equals(request.Headers["X-Amz-Security-Token"].ToString(), credential.SessionToken, StringComparison.Ordinal))
        {
            return new AuthOutcome(AuthFailureKind.UnknownKey, service, accessKeyId, null);
        }

        var now = timeProvider.GetUtcNow();
        if (credential.Expiration is { } expiration && expiration < now)
        {
            return new AuthOutcome(AuthFailureKind.Expired, service, accessKeyId, null);
        }

        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt) || !amzDate.StartsWith(date, StringComparison.Ordinal))
        {
            return new AuthOutcome(AuthFailureKind.Malformed, service, accessKeyId, null);
        }

        if ((now - signedAt).Duration() > AllowedSkew)
        {
            return new AuthOutcome(AuthFailureKind.Expired, service, accessKeyId, null);
        }

        var canonical = CanonicalRequest(request, body, signedHeaders);
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{date}/{region}/{service}/aws4_request\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credential.SecretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var expected = Hex(Hmac(key, stringToSign));
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
        return matches
            ? new AuthOutcome(AuthFailureKind.None, service, accessKeyId, credential)
            : new AuthOutcome(AuthFailureKind.BadSignature, service, accessKeyId, null);
    }

    private static string CanonicalRequest(HttpRequest request, byte[] body, string signedHeaders)
    {
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "/";
        var q = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? rawTarget : rawTarget[..q];
        var query = q < 0 ? string.Empty : rawTarget[(q + 1)..];
        var builder = new StringBuilder();
        builder.Append(request.Method).Append('\n');
        builder.Append(path.Length == 0 ? "/" : path).Append('\n');
        builder.Append(CanonicalQuery(query)).Append('\n');
        foreach (var name in signedHeaders.Split(';'))
        {
            var value = name == "host" ? request.Host.Value : string.Join(',', request.Headers[name].Select(v => v ?? string.Empty));
            builder.Append(name).Append(':').Append(CollapseSpaces(value ?? string.Empty)).Append('\n');
        }

        builder.Append('\n').Append(signedHeaders).Append('\n');
        var declared = request.Headers["X-Amz-Content-SHA256"].ToString();
        builder.Append(declared == "UNSIGNED-PAYLOAD" ? declared : Hex(SHA256.HashData(body)));
        return builder.ToString();
    }

    private static string CanonicalQuery(string query)
    {
        if (query.Length == 0)
        {
            return string.Empty;
        }

        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Unescape(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Unescape(pair[(eq + 1)..]);
            return (Name: Uri.EscapeDataString(name), Value: Uri.EscapeDataString(value));
        });
        return string.Join('&', pairs.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    private static string Unescape(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    private static string CollapseSpaces(string value) =>
        string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string? Field(string header, string name)
    {
        var start = header.IndexOf(name, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += name.Length;
        var end = header.IndexOf(',', start);
        return (end < 0 ? header[start..] : header[start..end]).Trim();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
