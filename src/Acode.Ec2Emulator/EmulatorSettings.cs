namespace Acode.Ec2Emulator;

/// <summary>The emulator's adjustable timings; read and written under the state lock.</summary>
public sealed record EmulatorSettings
{
    /// <summary>pending -> running.</summary>
    public TimeSpan BootDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>running -> the machine's sshd accepting connections.</summary>
    public TimeSpan SshDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>stopping -> stopped.</summary>
    public TimeSpan StopDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>shutting-down -> terminated.</summary>
    public TimeSpan TerminateDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long terminated instances stay visible (AWS: usually under an hour).</summary>
    public TimeSpan TerminatedVisibility { get; init; } = TimeSpan.FromHours(1);

    /// <summary>From a spot interruption notice to the interruption (AWS: two minutes).</summary>
    public TimeSpan SpotInterruptionNotice { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Whether each region has a default VPC. False plays an account whose default VPC was deleted: its VPC and
    /// subnets remain as an ordinary VPC (launching needs a <c>SubnetId</c>, a group needs a <c>VpcId</c>).
    /// </summary>
    public bool DefaultVpc { get; init; } = true;
}
