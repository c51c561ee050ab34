using Acode.Domain.Compute;

namespace Acode.Application.Compute;

/// <summary>
/// Decides the operating mode: an explicit flag wins over the <c>ACODE_MODE</c> environment variable, which wins
/// over the configuration file's <c>mode:</c>; with none of them the mode is <see cref="OperatingMode.LocalOnly"/>,
/// so nothing can spend money until a user opts into burst.
/// </summary>
public static class OperatingModeResolver
{
    /// <summary>The environment variable that sets the mode.</summary>
    public const string EnvironmentVariable = "ACODE_MODE";

    /// <summary>Resolves the mode from its three sources; blank values count as absent.</summary>
    /// <exception cref="InvalidConfigurationException">The winning source holds an unknown value.</exception>
    public static OperatingMode Resolve(string? flagValue, string? environmentValue, string? configValue)
    {
        var (source, value) =
            !string.IsNullOrWhiteSpace(flagValue) ? ("--mode", flagValue)
            : !string.IsNullOrWhiteSpace(environmentValue) ? (EnvironmentVariable, environmentValue)
            : !string.IsNullOrWhiteSpace(configValue) ? ("mode", configValue)
            : (null, null);

        if (source is null)
        {
            return OperatingMode.LocalOnly;
        }

        if (OperatingModeNames.TryParse(value, out var mode))
        {
            return mode;
        }

        throw new InvalidConfigurationException(
            $"{source}: unknown mode '{value!.Trim()}'; valid values are {string.Join(", ", OperatingModeNames.All)}");
    }
}
