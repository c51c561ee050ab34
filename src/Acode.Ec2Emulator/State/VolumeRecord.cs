namespace Acode.Ec2Emulator.State;

/// <summary>An EBS volume, created from a launch's block device mappings.</summary>
internal sealed class VolumeRecord
{
    public required string VolumeId { get; init; }
    public required int Size { get; init; }
    public required string VolumeType { get; init; }
    public required string AvailabilityZone { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public string? SnapshotId { get; init; }
    public int? Iops { get; init; }
    public int? Throughput { get; init; }
    public bool Encrypted { get; init; }
    public string? KmsKeyId { get; init; }
    public string Status { get; set; } = "in-use";
    public string? InstanceId { get; set; }
    public string? Device { get; set; }
    public DateTimeOffset? AttachTime { get; set; }
    public bool DeleteOnTermination { get; set; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
