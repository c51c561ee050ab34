using System.Text.RegularExpressions;

namespace Acode.Application.Security;

/// <summary>
/// Masks secrets in text before it reaches a log, an exception message, an event or test output: private key
/// blocks, AWS secret access keys and session tokens, and passwords embedded in URLs. Access key ids themselves are
/// identifiers, not secrets, and are kept so a user can tell which key was meant.
/// </summary>
public static partial class SecretRedactor
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***REDACTED***";

    /// <summary>Returns <paramref name="text"/> with every recognised secret replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var result = PrivateKeyBlock().Replace(text, "-----BEGIN $1PRIVATE KEY-----" + Mask + "-----END $1PRIVATE KEY-----");
        result = UnterminatedPrivateKey().Replace(result, "-----BEGIN $1PRIVATE KEY-----" + Mask);
        result = NamedSecret().Replace(result, m => m.Groups["prefix"].Value + Mask);
        result = UrlPassword().Replace(result, m => m.Groups["prefix"].Value + Mask + "@");
        result = BareSecretAfterKeyId().Replace(result, m => m.Groups["prefix"].Value + Mask);
        return result;
    }

    [GeneratedRegex(@"-----BEGIN ([A-Z0-9 ]*?)PRIVATE KEY-----.*?-----END [A-Z0-9 ]*?PRIVATE KEY-----", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKeyBlock();

    // A key cut off before its END line (e.g. a truncated log line) is still a key.
    [GeneratedRegex(@"-----BEGIN ([A-Z0-9 ]*?)PRIVATE KEY-----(?!\*\*\*REDACTED)[\s\S]*$", RegexOptions.CultureInvariant)]
    private static partial Regex UnterminatedPrivateKey();

    // aws_secret_access_key = X, AWS_SESSION_TOKEN=X, "SecretAccessKey": "X", SessionToken: X, password=X, ...
    [GeneratedRegex(
        @"(?<prefix>\b(?:aws_secret_access_key|aws_session_token|aws_security_token|secret_?access_?key|session_?token|x-amz-security-token|passphrase|password|passwd)\b[""']?\s*[:=]\s*[""']?)(?<value>[^\s""',;&}]+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedSecret();

    // scheme://user:password@host
    [GeneratedRegex(@"(?<prefix>\b[a-z][a-z0-9+.\-]*://[^/\s:@]+:)[^\s@]+@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();

    // "AKIA... <40-char secret>" pairs as printed by some tools: an access key id followed by its secret.
    [GeneratedRegex(@"(?<prefix>\b(?:AKIA|ASIA)[A-Z0-9]{16}[\s:,=/]+)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])", RegexOptions.CultureInvariant)]
    private static partial Regex BareSecretAfterKeyId();
}
