using Acode.Domain.Compute;

namespace Acode.Application.Compute;

/// <summary>The spelling of operating modes in configuration, environment and flags.</summary>
public static class OperatingModeNames
{
    /// <summary>Every accepted value, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } = ["local-only", "airgapped", "burst"];

    /// <summary>The configuration spelling of a mode, e.g. <c>local-only</c>.</summary>
    public static string ToConfigValue(OperatingMode mode) => mode switch
    {
        OperatingMode.LocalOnly => "local-only",
        OperatingMode.Airgapped => "airgapped",
        OperatingMode.Burst => "burst",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>Parses <c>local-only</c>, <c>airgapped</c> or <c>burst</c>, ignoring case and surrounding space.</summary>
    public static bool TryParse(string? value, out OperatingMode mode)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "local-only":
                mode = OperatingMode.LocalOnly;
                return true;
            case "airgapped":
                mode = OperatingMode.Airgapped;
                return true;
            case "burst":
                mode = OperatingMode.Burst;
                return true;
            default:
                mode = default;
                return false;
        }
    }
}
