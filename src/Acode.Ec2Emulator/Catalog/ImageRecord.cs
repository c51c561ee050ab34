namespace Acode.Ec2Emulator.Catalog;

/// <summary>A public AMI the emulator offers.</summary>
internal sealed record ImageRecord(
    string ImageId,
    string Name,
    string Description,
    string OwnerId,
    string? OwnerAlias,
    string Architecture,
    string DefaultUser,
    string RootDeviceName,
    int RootVolumeSize,
    string RootVolumeType,
    string SnapshotId,
    string CreationDate,
    IReadOnlyList<string> SsmParameters);
