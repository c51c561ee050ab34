using Acode.Domain;

namespace Acode.Infrastructure.Compute.Ec2.UserData;

/// <summary>The assembled user data exceeds EC2's 16 KB limit on raw (pre-base64) user data (ec2-api-facts 3.3).</summary>
public sealed class UserDataTooLargeException : AcodeException
{
    /// <summary>Initializes a new instance of the <see cref="UserDataTooLargeException"/> class.</summary>
    public UserDataTooLargeException(int rawBytes, int userBytes, int limitBytes)
        : base($"The instance user data is {rawBytes} bytes, over EC2's limit of {limitBytes} bytes (raw, before base64). "
            + $"The user's own part is {userBytes} bytes and acode adds {rawBytes - userBytes} (host key, dead-man switch, MIME framing). "
            + "Fix: shorten ec2Target.userData, e.g. download a larger script from S3 or a URL (#include) instead of inlining it.")
    {
        RawBytes = rawBytes;
        LimitBytes = limitBytes;
    }

    /// <summary>Gets the assembled size in bytes.</summary>
    public int RawBytes { get; }

    /// <summary>Gets the limit in bytes.</summary>
    public int LimitBytes { get; }
}
