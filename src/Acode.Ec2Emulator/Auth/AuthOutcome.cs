namespace Acode.Ec2Emulator.Auth;

/// <summary>The result of checking a request's SigV4 signature.</summary>
internal sealed record AuthOutcome(AuthFailureKind Failure, string? Service, string? AccessKeyId, EmulatorCredential? Credential)
{
    public bool Succeeded => Failure == AuthFailureKind.None;
}
