namespace Acode.Ec2Emulator.Auth;

/// <summary>Why a request's signature was refused; each service maps it to its own error code.</summary>
internal enum AuthFailureKind
{
    None,
    Missing,
    Malformed,
    UnknownKey,
    BadSignature,
    Expired,
}
