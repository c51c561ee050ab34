using Acode.Application.Compute;
using Acode.Domain.Compute;

namespace Acode.UnitTests.Compute;

// Spec UT-002: only burst may use a cloud target; the refusal names the mode.
public sealed class ModeValidatorTests
{
    [Theory]
    [InlineData(OperatingMode.LocalOnly, false)]
    [InlineData(OperatingMode.Airgapped, false)]
    [InlineData(OperatingMode.Burst, true)]
    public void Cloud_is_allowed_only_in_burst(OperatingMode mode, bool allowed)
    {
        var validator = new ModeValidator(mode);

        Assert.Equal(mode, validator.CurrentMode);
        Assert.Equal(allowed, validator.IsCloudAllowed());
    }

    [Theory]
    [InlineData(OperatingMode.LocalOnly, "local-only")]
    [InlineData(OperatingMode.Airgapped, "airgapped")]
    public void Refusal_carries_and_names_the_mode(OperatingMode mode, string name)
    {
        var error = Assert.Throws<ModeViolationException>(() => new ModeValidator(mode).EnsureCloudAllowed("ec2"));

        Assert.Equal(mode, error.Mode);
        Assert.Contains($"blocked in {name} mode", error.Message, StringComparison.Ordinal);
        Assert.Contains("ec2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Burst_does_not_throw()
    {
        var validator = new ModeValidator(OperatingMode.Burst);

        validator.EnsureCloudAllowed("ec2");

        Assert.True(validator.IsCloudAllowed());
    }
}
