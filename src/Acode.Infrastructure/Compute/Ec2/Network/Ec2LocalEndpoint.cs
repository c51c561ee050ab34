using System.Net;

namespace Acode.Infrastructure.Compute.Ec2.Network;

/// <summary>Whether an EC2 endpoint is on this machine: the emulator, in process or standalone, never AWS.</summary>
public static class Ec2LocalEndpoint
{
    /// <summary>True for <c>localhost</c> and any 127.0.0.0/8 or ::1 address; false for null (AWS itself).</summary>
    public static bool IsLocal(Uri? endpoint) =>
        endpoint is not null && (endpoint.IsLoopback || (IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
}
