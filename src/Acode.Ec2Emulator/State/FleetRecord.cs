namespace Acode.Ec2Emulator.State;

/// <summary>An instant EC2 Fleet: what it launched (or could not), kept so a repeated ClientToken gets the same answer.</summary>
internal sealed class FleetRecord
{
    public required string FleetId { get; init; }
    public required string Fingerprint { get; init; }
    public required string LaunchTemplateId { get; init; }
    public required string Version { get; init; }
    public required string Lifecycle { get; init; }
    public List<(FleetPool Pool, string InstanceId)> Instances { get; } = [];
    public List<(FleetPool Pool, string Code, string Message)> Errors { get; } = [];
}

/// <summary>One override of a fleet: a type in a zone (subnet), with its spot price cap.</summary>
internal sealed record FleetPool(string InstanceType, string? SubnetId, string? AvailabilityZone, string? MaxPrice);
