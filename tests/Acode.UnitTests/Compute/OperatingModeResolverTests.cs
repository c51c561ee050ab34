using Acode.Application.Compute;
using Acode.Domain.Compute;

namespace Acode.UnitTests.Compute;

// Spec UT-002: mode validation.
public sealed class OperatingModeResolverTests
{
    public static TheoryData<string?, string?, string?, OperatingMode> Cases => new()
    {
        { null, null, null, OperatingMode.LocalOnly },
        { "", "  ", "", OperatingMode.LocalOnly },
        { null, null, "burst", OperatingMode.Burst },
        { null, "airgapped", "burst", OperatingMode.Airgapped },
        { "local-only", "burst", "burst", OperatingMode.LocalOnly },
        { "BURST", null, null, OperatingMode.Burst },
        { null, " Local-Only ", null, OperatingMode.LocalOnly },
        { null, null, "AirGapped", OperatingMode.Airgapped },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Flag_beats_environment_beats_config_beats_default(string? flag, string? environment, string? config, OperatingMode expected) =>
        Assert.Equal(expected, OperatingModeResolver.Resolve(flag, environment, config));

    [Theory]
    [InlineData("cloud", null, null, "--mode")]
    [InlineData(null, "local_only", null, "ACODE_MODE")]
    [InlineData(null, null, "yes", "mode")]
    public void Unknown_value_is_a_configuration_error_naming_source_and_valid_values(string? flag, string? environment, string? config, string source)
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => OperatingModeResolver.Resolve(flag, environment, config));

        var only = Assert.Single(error.Errors);
        Assert.StartsWith(source + ":", only, StringComparison.Ordinal);
        Assert.Contains("local-only, airgapped, burst", only, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OperatingMode.LocalOnly, "local-only")]
    [InlineData(OperatingMode.Airgapped, "airgapped")]
    [InlineData(OperatingMode.Burst, "burst")]
    public void Names_round_trip(OperatingMode mode, string name)
    {
        Assert.Equal(name, OperatingModeNames.ToConfigValue(mode));
        Assert.True(OperatingModeNames.TryParse(name, out var parsed));
        Assert.Equal(mode, parsed);
    }
}
