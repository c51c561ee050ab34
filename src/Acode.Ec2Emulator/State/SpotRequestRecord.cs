namespace Acode.Ec2Emulator.State;

/// <summary>The Spot Instance request RunInstances creates for a spot launch.</summary>
internal sealed class SpotRequestRecord
{
    public required string RequestId { get; init; }
    public required string InstanceId { get; init; }
    public required string SpotType { get; init; }
    public required string InterruptionBehavior { get; init; }
    public required string MaxPrice { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public required string AvailabilityZone { get; init; }
    public required string ImageId { get; init; }
    public required string InstanceType { get; init; }
    public string? KeyName { get; init; }
    public string State { get; set; } = "active";
    public string StatusCode { get; set; } = "fulfilled";
    public string StatusMessage { get; set; } = "Your spot request is fulfilled.";
    public DateTimeOffset StatusUpdateTime { get; set; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
