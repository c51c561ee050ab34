namespace Acode.Ec2Emulator.Actions;

/// <summary>One EBS volume a launch creates, from the AMI's root device and the request's block device mappings.</summary>
internal sealed record BlockDevice(string Device, int Size, string Type, bool DeleteOnTermination, bool IsRoot, int? Iops, int? Throughput, bool Encrypted, string? KmsKeyId = null);
