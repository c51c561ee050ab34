namespace Acode.Infrastructure.Compute.Ec2.UserData;

/// <summary>
/// Finished user data for RunInstances. The raw text may hold the pinned host key's private half, so
/// <see cref="ToString"/> shows only the size.
/// </summary>
public sealed class Ec2UserData
{
    internal Ec2UserData(string raw, int rawBytes)
    {
        Raw = raw;
        RawBytes = rawBytes;
        Base64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(raw));
    }

    /// <summary>Gets the raw document (what the instance reads from <c>/latest/user-data</c>). May hold a private key.</summary>
    public string Raw { get; }

    /// <summary>Gets the UTF-8 size of <see cref="Raw"/>, the figure EC2's 16 KB limit applies to.</summary>
    public int RawBytes { get; }

    /// <summary>Gets the base64 text for <c>RunInstancesRequest.UserData</c> (the .NET SDK does not encode it).</summary>
    public string Base64 { get; }

    /// <summary>Shows the size only.</summary>
    public override string ToString() => $"user data ({RawBytes} bytes)";
}
