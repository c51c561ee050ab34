using Acode.Domain.Compute;

namespace Acode.Application.Compute;

/// <summary>The mode rules: cloud targets run only in burst mode.</summary>
public sealed class ModeValidator : IModeValidator
{
    public ModeValidator(OperatingMode currentMode)
    {
        CurrentMode = currentMode;
    }

    /// <inheritdoc />
    public OperatingMode CurrentMode { get; }

    /// <inheritdoc />
    public bool IsCloudAllowed() => CurrentMode == OperatingMode.Burst;

    /// <inheritdoc />
    public void EnsureCloudAllowed(string targetType)
    {
        if (!IsCloudAllowed())
        {
            var name = OperatingModeNames.ToConfigValue(CurrentMode);
            throw new ModeViolationException(
                CurrentMode,
                $"The {targetType} target is blocked in {name} mode: it may spend money in a cloud. " +
                $"Opt in with mode: burst (config), ACODE_MODE=burst or --mode burst.");
        }
    }
}
