namespace Acode.Ec2Emulator.Control;

/// <summary>
/// A fault to inject: for the next <see cref="Count"/> calls of <see cref="Action"/> (or <c>*</c> for every action),
/// or at <see cref="Rate"/> (0..1) of its calls until cleared. <see cref="Code"/> is one of <see cref="FaultCodes"/>.
/// <see cref="AvailabilityZone"/> and <see cref="InstanceType"/> narrow it to launches into that zone or of that type,
/// so one zone or one type can run out of capacity. <see cref="Region"/> narrows it to calls signed for that region, so
/// one region can refuse the account (<see cref="FaultCodes.OptInRequired"/>) while the others answer.
/// </summary>
public sealed record FaultRule
{
    public string Action { get; init; } = "*";

    public required string Code { get; init; }

    public int? Count { get; init; }

    public double? Rate { get; init; }

    public string? AvailabilityZone { get; init; }

    public string? InstanceType { get; init; }

    public string? Region { get; init; }
}
