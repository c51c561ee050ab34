using Acode.Domain.Compute;

namespace Acode.Application.Compute;

/// <summary>Answers what the current operating mode allows.</summary>
public interface IModeValidator
{
    /// <summary>The operating mode in force.</summary>
    OperatingMode CurrentMode { get; }

    /// <summary>True only in <see cref="OperatingMode.Burst"/>: the only mode in which a cloud target may spend money.</summary>
    bool IsCloudAllowed();

    /// <summary>Throws <see cref="ModeViolationException"/> naming the mode when a cloud target is not allowed.</summary>
    /// <param name="targetType">The target type asked for, e.g. <c>ec2</c>, used in the message.</param>
    void EnsureCloudAllowed(string targetType);
}
