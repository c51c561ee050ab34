namespace Acode.Ec2Emulator.Auth;

/// <summary>An access key the emulator accepts, with the identity STS reports for it.</summary>
public sealed record EmulatorCredential
{
    public required string AccessKeyId { get; init; }

    public required string SecretAccessKey { get; init; }

    /// <summary>Set for temporary credentials (issued by the IMDS); requests must then carry it.</summary>
    public string? SessionToken { get; init; }

    public string AccountId { get; init; } = "000000000000";

    /// <summary>The ARN GetCallerIdentity returns; defaults to the account root.</summary>
    public string? Arn { get; init; }

    /// <summary>EC2 actions this key may call; null allows all (others get <c>UnauthorizedOperation</c>).</summary>
    public IReadOnlySet<string>? AllowedActions { get; init; }

    /// <summary>When temporary credentials stop working.</summary>
    public DateTimeOffset? Expiration { get; init; }

    internal string EffectiveArn => Arn ?? $"arn:aws:iam::{AccountId}:root";

    internal bool Allows(string action) => AllowedActions is null || AllowedActions.Contains(action);
}
