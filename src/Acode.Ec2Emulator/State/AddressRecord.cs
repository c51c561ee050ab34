using System.Net;

namespace Acode.Ec2Emulator.State;

/// <summary>An Elastic IP address.</summary>
internal sealed class AddressRecord
{
    public required string AllocationId { get; init; }
    public required IPAddress Address { get; init; }
    public string? InstanceId { get; set; }
    public string? AssociationId { get; set; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
